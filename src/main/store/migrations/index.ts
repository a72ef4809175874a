import init from './001-init.sql?raw'
import savedViews from './002-saved-views.sql?raw'

/** Ordered schema migrations; migration i brings user_version from i to i + 1. */
export const MIGRATIONS: readonly string[] = [init, savedViews]
