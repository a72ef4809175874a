// A damaged store as the user sees it: the screen with the two choices, the read-only banner, and
// the note after a new store was started.
import type { Locator, Page } from 'playwright/test'

export class StoreHealthPage {
  constructor(readonly page: Page) {}

  get damagedScreen(): Locator {
    return this.page.getByRole('main', { name: 'The log store needs attention' })
  }
  get what(): Locator {
    return this.damagedScreen.getByTestId('store-damaged-what')
  }
  get openReadOnlyButton(): Locator {
    return this.damagedScreen.getByRole('button', { name: /^Open read-only/ })
  }
  get startNewStoreButton(): Locator {
    return this.damagedScreen.getByRole('button', { name: /^Start a new store/ })
  }
  get readOnlyBanner(): Locator {
    return this.page.getByRole('region', { name: 'Store opened read-only' })
  }
  get rebuiltNote(): Locator {
    return this.page.getByRole('region', { name: 'New store started' })
  }
  get confirmNewStore(): Locator {
    return this.page.getByRole('alertdialog', { name: 'Start a new store?' })
  }

  /** From the read-only banner: Start a new store…, then confirm. */
  async startNewStoreFromBanner(): Promise<void> {
    await this.readOnlyBanner.getByRole('button', { name: 'Start a new store…' }).click()
    await this.confirmNewStore.getByRole('button', { name: 'Start a new store' }).click()
  }
}
