// `apilog views list|save|show|rename|duplicate|delete|export|import`: saved views from the terminal.
import type { Command } from 'commander'
import { readFileSync, statSync, writeFileSync } from 'node:fs'
import { VIEW_LIMITS, type SavedViewSpec, type ViewTimeRange } from '../../../shared/view-types'
import type { Db } from '../../store/db'
import { exportViewFile } from '../../views/view-file'
import { applyView, importView } from '../../views/views-api'
import * as repo from '../../views/views-repo'
import { escapeForCell } from '../../util/visible-text'
import { UsageError } from '../errors'
import { addFilterOptions, toEntryFilter, type FilterOptions } from '../filter-options'
import { openStoreForCli } from '../store'
import { formatViewDetail, formatViewList } from '../view-format'
import { parseSort } from './query'

interface DbOption {
  db?: string
}

interface SaveOptions extends FilterOptions, DbOption {
  last?: string
  sort?: string
  json?: boolean
}

const quoted = (name: string) => `"${escapeForCell(name)}"`

function withStore<T>(options: DbOption, mustExist: boolean, run: (db: Db) => T): T {
  const { db } = openStoreForCli(options.db, mustExist)
  try {
    return run(db)
  } finally {
    db.close()
  }
}

function noSuchView(name: string): UsageError {
  return new UsageError(`no view named ${quoted(name)} (see apilog views list)`)
}

function parseTimeRange(options: SaveOptions): ViewTimeRange {
  if (options.last !== undefined) {
    if (options.from !== undefined || options.to !== undefined) {
      throw new UsageError('--last cannot be combined with --from or --to')
    }
    const minutes = Number(options.last)
    if (!/^\d+$/.test(options.last) || minutes < 1 || minutes > VIEW_LIMITS.maxLastMinutes) {
      const max = VIEW_LIMITS.maxLastMinutes
      throw new UsageError(`--last: expected minutes from 1 to ${max}, got "${options.last}"`)
    }
    return { kind: 'relative', lastMinutes: minutes }
  }
  if (options.from === undefined && options.to === undefined) return { kind: 'all' }
  const range: ViewTimeRange = { kind: 'absolute' }
  if (options.from) range.from = options.from
  if (options.to) range.to = options.to
  return range
}

/** The spec `views save` stores; columns (and sort without --sort) stay as the replaced view had them. */
function specFromOptions(db: Db, name: string, options: SaveOptions): SavedViewSpec {
  if (options.source) {
    throw new UsageError('--source: a saved view applies to any source, so it cannot hold one')
  }
  const { from: _from, to: _to, search, sourceId: _sourceId, ...filter } = toEntryFilter(options)
  const existing = repo.getView(db, name)
  return {
    name,
    filter,
    timeRange: parseTimeRange(options),
    search: search?.trim() ?? '',
    columns: existing?.columns ?? [],
    sort: parseSort(options.sort) ?? existing?.sort ?? null,
  }
}

function registerSave(views: Command): void {
  addFilterOptions(
    views
      .command('save')
      .description('save the filter options as a view (replacing a view of the same name)')
      .argument('<name>', 'view name (unique ignoring case)')
      .option('--db <path>', 'store file'),
  )
    .option('--last <minutes>', 'time range: the last N minutes before the newest entry of the log')
    .option('--sort <field[:asc|desc]>', 'sort order of the view')
    .option('--json', 'print the saved view as JSON')
    .action((name: string, options: SaveOptions) => {
      withStore(options, false, (db) => {
        const replaced = repo.getView(db, name) !== null
        const view = repo.saveView(db, specFromOptions(db, name, options))
        if (options.json) process.stdout.write(`${JSON.stringify(view, null, 2)}\n`)
        else process.stdout.write(`${replaced ? 'replaced' : 'saved'} view ${quoted(view.name)}\n`)
      })
    })
}

function registerReadCommands(views: Command): void {
  views
    .command('list')
    .description('list saved views')
    .option('--db <path>', 'store file')
    .option('--json', 'print JSON')
    .action((options: DbOption & { json?: boolean }) => {
      const list = withStore(options, true, (db) => repo.listViews(db))
      process.stdout.write(options.json ? `${JSON.stringify(list, null, 2)}\n` : formatViewList(list))
    })

  views
    .command('show')
    .description('show a saved view and the filter it stands for on this store')
    .argument('<name>', 'view name')
    .option('--db <path>', 'store file')
    .option('--json', 'print JSON: {view, filter}')
    .action((name: string, options: DbOption & { json?: boolean }) => {
      const applied = withStore(options, true, (db) => applyView(db, name, undefined, false))
      if (!applied) throw noSuchView(name)
      if (options.json) process.stdout.write(`${JSON.stringify(applied, null, 2)}\n`)
      else process.stdout.write(formatViewDetail(applied.view, applied.filter))
    })
}

function registerEditCommands(views: Command): void {
  views
    .command('rename')
    .description('rename a saved view')
    .argument('<name>', 'current name')
    .argument('<new-name>', 'new name')
    .option('--db <path>', 'store file')
    .action((name: string, newName: string, options: DbOption) => {
      const view = withStore(options, true, (db) => repo.renameView(db, name, newName))
      if (!view) throw noSuchView(name)
      process.stdout.write(`renamed view ${quoted(name)} to ${quoted(view.name)}\n`)
    })

  views
    .command('duplicate')
    .description('copy a saved view (as NEW-NAME, or as "NAME (copy)")')
    .argument('<name>', 'view to copy')
    .argument('[new-name]', 'name of the copy')
    .option('--db <path>', 'store file')
    .action((name: string, newName: string | undefined, options: DbOption) => {
      const view = withStore(options, true, (db) => repo.duplicateView(db, name, newName))
      if (!view) throw noSuchView(name)
      process.stdout.write(`copied view ${quoted(name)} to ${quoted(view.name)}\n`)
    })

  views
    .command('delete')
    .description('delete a saved view')
    .argument('<name>', 'view name')
    .option('--db <path>', 'store file')
    .action((name: string, options: DbOption) => {
      if (!withStore(options, true, (db) => repo.deleteView(db, name))) throw noSuchView(name)
      process.stdout.write(`deleted view ${quoted(name)}\n`)
    })
}

function registerTransferCommands(views: Command): void {
  views
    .command('export')
    .description('write a saved view to a small JSON file to import elsewhere')
    .argument('<name>', 'view name')
    .argument('<file>', 'file to write ("-" for standard output)')
    .option('--db <path>', 'store file')
    .action((name: string, file: string, options: DbOption) => {
      const view = withStore(options, true, (db) => repo.getView(db, name))
      if (!view) throw noSuchView(name)
      const { content } = exportViewFile(view)
      if (file === '-') return void process.stdout.write(content)
      writeFileSync(file, content)
      process.stdout.write(`exported view ${quoted(view.name)} to ${escapeForCell(file)}\n`)
    })

  views
    .command('import')
    .description('import a view file written by "views export" (a changed or damaged file is refused)')
    .argument('<file>', 'view file')
    .option('--overwrite', 'replace a view of the same name')
    .option('--db <path>', 'store file')
    .action((file: string, options: DbOption & { overwrite?: boolean }) => {
      const content = readViewFile(file)
      const view = withStore(options, false, (db) => importView(db, content, options.overwrite))
      process.stdout.write(`imported view ${quoted(view.name)}\n`)
    })
}

function readViewFile(file: string): string {
  let size: number
  try {
    size = statSync(file).size
  } catch {
    throw new UsageError(`cannot read ${escapeForCell(file)}: no such file`)
  }
  // UTF-8 takes at most 4 bytes a character: anything bigger is over the character limit for sure.
  if (size > VIEW_LIMITS.fileChars * 4) {
    const name = escapeForCell(file)
    throw new UsageError(`not a saved-view file: ${name} is ${size} bytes (a view file is a few KB)`)
  }
  return readFileSync(file, 'utf8')
}

export function registerViews(program: Command): void {
  const views = program
    .command('views')
    .description('saved views: a named filter, time range, search, columns and sort')
  registerReadCommands(views)
  registerSave(views)
  registerEditCommands(views)
  registerTransferCommands(views)
}
