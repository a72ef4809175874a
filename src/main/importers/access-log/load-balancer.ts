// What AWS Application and Classic Load Balancer logs share: processing times, the logged request.
import type { EntryRecord } from '../../store/entry-record'
import { parseIsoTime } from '../parse-time'
import { addHeader, blankEntry, dash, setStatus, setTarget, splitRequest, statusOf, stripPort } from './entry'

/** Column positions, from the load balancer's time field on. */
export interface LbLayout {
  time: number
  name: number
  client: number
  processing: number
  status: number
  request: number
  agent: number
}

const UTC_ISO = '(\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(?:\\.\\d+)?Z)'
/** From the time on: time, name, client:port, target:port, three times, two statuses. */
const SECONDS = '-?[\\d.]+'
const STATUS = '(?:\\d{1,3}|-)'
export const LB_FIELDS = `${UTC_ISO} \\S+ \\S+ \\S+ ${SECONDS} ${SECONDS} ${SECONDS} ${STATUS} ${STATUS} `

/** Sum of the three processing times in ms; null when one of them is -1 (the connection failed). */
function durationOf(fields: readonly string[], at: number): number | null {
  let seconds = 0
  for (let i = at; i < at + 3; i++) {
    const n = Number(fields[i])
    if (fields[i] === '-1' || !Number.isFinite(n) || n < 0) return null
    seconds += n
  }
  return Math.round(seconds * 1e6) / 1e3
}

/** The fields every load-balancer line has; the caller adds its own. */
export function lbEntry(
  fields: readonly string[],
  at: LbLayout,
  position: number,
  line: string,
): EntryRecord | string {
  if (fields.length <= at.request) return `only ${fields.length} fields, too few for a load-balancer line`
  const entry = blankEntry(position, line)
  entry.ts = parseIsoTime(fields[at.time], (ms) => ms)
  if (entry.ts === null) return `unreadable time "${fields[at.time]}"`
  const { method, target } = splitRequest(fields[at.request])
  setTarget(entry, method, target)
  entry.service = dash(fields[at.name])
  const client = dash(fields[at.client])
  entry.clientIp = client === null ? null : stripPort(client)
  entry.durationMs = durationOf(fields, at.processing)
  addHeader(entry, 'User-Agent', fields[at.agent])
  return entry
}

/** Sets status and result once the caller has filled any error reason. */
export function lbStatus(entry: EntryRecord, fields: readonly string[], at: LbLayout): void {
  setStatus(entry, statusOf(fields[at.status]))
}
