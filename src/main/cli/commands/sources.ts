import type { Command } from 'commander'
import { deleteSource, listSources } from '../../store/sources-repo'
import { escapeForCell } from '../../util/visible-text'
import { UsageError } from '../errors'
import { openStoreForCli } from '../store'

export function registerSources(program: Command): void {
  program
    .command('sources')
    .description('list imported sources')
    .option('--db <path>', 'store file')
    .option('--json', 'print JSON')
    .action((options: { db?: string; json?: boolean }) => {
      const { db } = openStoreForCli(options.db, true)
      try {
        const sources = listSources(db)
        if (options.json) {
          process.stdout.write(JSON.stringify(sources, null, 2) + '\n')
          return
        }
        if (sources.length === 0) {
          process.stdout.write('no sources (import one: apilog import FILE)\n')
          return
        }
        for (const s of sources) {
          const span = s.firstTs ? `${s.firstTs} .. ${s.lastTs}` : 'no timestamps'
          const problems = s.errorCount ? `, ${s.errorCount} errors` : ''
          process.stdout.write(
            `${String(s.id).padStart(4)}  ${escapeForCell(s.name)}  ${s.format}  ${s.entryCount} entries${problems}  ${span}  (times without zone read as ${s.timeZone})\n`,
          )
        }
      } finally {
        db.close()
      }
    })

  program
    .command('remove-source')
    .description('remove an imported source and its entries')
    .argument('<id>', 'source id (see apilog sources)')
    .option('--db <path>', 'store file')
    .action((id: string, options: { db?: string }) => {
      if (!/^\d+$/.test(id)) throw new UsageError(`"${id}" is not a source id (see apilog sources)`)
      const { db } = openStoreForCli(options.db, true)
      try {
        if (!deleteSource(db, Number(id))) throw new UsageError(`no source ${id} (see apilog sources)`)
        process.stdout.write(`removed source ${id}\n`)
      } finally {
        db.close()
      }
    })
}
