// The triage wizard and the findings panel as a user sees them: selectors by role and accessible name.
import { readFileSync } from 'node:fs'
import { expect, type Locator, type Page } from 'playwright/test'

export interface TriageInput {
  kind?: 'API User' | 'Agent User'
  caller: string
  /** pick the caller from the list of values instead of typing it whole */
  pickFromList?: boolean
  fn?: string
  at?: string
  zone?: string
  from?: string
  to?: string
}

export class TriageWizard {
  constructor(readonly page: Page) {}

  get openButton(): Locator {
    return this.page.getByRole('button', { name: 'Triage', exact: true })
  }
  get panel(): Locator {
    return this.page.getByRole('complementary', { name: 'Triage' })
  }
  field(name: string): Locator {
    return this.panel.getByRole('combobox', { name, exact: true })
  }
  heading(name: string): Locator {
    return this.panel.getByRole('heading', { name, exact: true })
  }
  get answer(): Locator {
    return this.panel.getByTestId('step-answer')
  }
  get nextButton(): Locator {
    return this.panel.getByRole('button', { name: 'Next', exact: true })
  }
  get backButton(): Locator {
    return this.panel.getByRole('button', { name: 'Back', exact: true })
  }
  get flowchart(): Locator {
    return this.panel.getByRole('figure', { name: 'Triage flowchart' })
  }
  /** the flowchart node highlighted as the current step */
  get currentNode(): Locator {
    return this.flowchart.locator('[aria-current="step"]')
  }
  verdict(label: string | RegExp): Locator {
    return this.panel.getByRole('region', { name: label })
  }
  get headline(): Locator {
    return this.panel.getByTestId('verdict-headline')
  }
  /** an evidence link ("First failure", "Last success", …) */
  evidence(label: string): Locator {
    return this.panel.getByRole('button', { name: new RegExp(`^${label}: show entry`) })
  }

  /** Opens the wizard, fills in what is failing, runs it, and waits for the first step (B). */
  async run(input: TriageInput): Promise<void> {
    if (!(await this.panel.isVisible())) await this.openButton.click()
    await expect(this.panel).toBeVisible()
    const kind = input.kind ?? 'API User'
    await this.panel.getByRole('radio', { name: new RegExp(`^${kind}`) }).check()
    const caller = this.field(kind)
    if (input.pickFromList) {
      await caller.fill(input.caller.slice(0, 3))
      await this.panel.getByRole('option', { name: input.caller, exact: true }).click()
      await expect(caller).toHaveValue(input.caller)
    } else await caller.fill(input.caller)
    if (input.fn) await this.field('Function').fill(input.fn)
    if (input.zone) await this.panel.getByRole('combobox', { name: "Customer's time zone" }).selectOption(input.zone)
    if (input.at) await this.panel.getByRole('textbox', { name: 'Reported failure time' }).fill(input.at)
    else {
      await this.panel.getByRole('button', { name: 'Between two times' }).click()
      await this.panel.getByRole('textbox', { name: 'From', exact: true }).fill(input.from ?? '')
      await this.panel.getByRole('textbox', { name: 'To', exact: true }).fill(input.to ?? '')
    }
    await this.panel.getByRole('button', { name: 'Run triage' }).click()
    await expect(this.heading('Set time range around the failure')).toBeVisible()
  }

  /** Next, then waits for the step's heading (or the verdict). */
  async next(heading: string | RegExp): Promise<void> {
    await this.nextButton.click()
    const target = typeof heading === 'string' ? this.heading(heading) : this.verdict(heading)
    await expect(target).toBeVisible()
  }

  /** Saves the report and returns the downloaded file's name and text. */
  async saveReport(format: 'Markdown' | 'HTML'): Promise<{ fileName: string; content: string }> {
    const download = this.page.waitForEvent('download')
    await this.panel.getByRole('button', { name: `Save report as ${format}` }).click()
    const file = await download
    const path = await file.path()
    return { fileName: file.suggestedFilename(), content: readFileSync(path, 'utf8') }
  }
}

export class FindingsList {
  constructor(readonly page: Page) {}

  get openButton(): Locator {
    return this.page.getByRole('button', { name: /^Findings \(/ })
  }
  get panel(): Locator {
    return this.page.getByRole('complementary', { name: 'Findings' })
  }
  get items(): Locator {
    return this.panel.getByRole('listitem')
  }
  /** a finding's main button, by its kind label and subject */
  finding(kind: string, subject: string): Locator {
    return this.panel.getByRole('button', { name: new RegExp(`^${kind}\\s*${subject}\\b`) })
  }
}
