// uWSGI request logs: `[pid: 1|app: 0|req: 1/1] 127.0.0.1 (user) {38 vars in 696 bytes} [Sun Mar 13
// 22:49:12 2016] POST /path => generated 47 bytes in 129 msecs (HTTP/1.1 200) 9 headers in 378 bytes …`.
// Other lines (start-up banner, application output) are left out.
import type { WallClock } from '../parse-time'
import { blankEntry, dash, setStatus, setTarget, stripPort } from './entry'
import type { HeadScore, LineParser, LineVariant } from './variant'

const REQUEST_RE = new RegExp(
  [
    '^\\[pid: \\d+\\|app: -?\\d+\\|req: -?\\d+/\\d+\\] (\\S*) \\(([^)]*)\\) \\{\\d+ vars in \\d+ bytes\\}',
    ' \\[([^\\]]+)\\] (\\S+) (.*?) => generated \\d+ bytes in (\\d+) (msecs|micros) \\((\\S+) (\\d{3})\\)',
  ].join(''),
)
const BANNER_RE =
  /^(?:\*\*\*|!!!|\[uWSGI\]|spawned uWSGI|WSGI app \d|uwsgi socket \d|mapped \d+ bytes|Python version:)/
const ASCTIME_RE = /^[A-Za-z]{3} ([A-Za-z]{3}) +(\d{1,2}) (\d{2}):(\d{2}):(\d{2}) (\d{4})$/
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

/** "Sun Mar 13 22:49:12 2016", a local time without zone. */
function readAsctime(text: string, wall: WallClock): number | null {
  const m = ASCTIME_RE.exec(text)
  const month = m ? MONTHS.indexOf(m[1]) : -1
  if (!m || month < 0) return null
  return wall(Date.UTC(+m[6], month, +m[2], +m[3], +m[4], +m[5]))
}

function createParser(_head: readonly string[], wall: WallClock): LineParser {
  return (line, position) => {
    const m = REQUEST_RE.exec(line)
    if (!m) return line.startsWith('[pid: ') ? 'not a uWSGI request line' : null
    const entry = blankEntry(position, line)
    entry.ts = readAsctime(m[3], wall)
    if (entry.ts === null) return `unreadable time [${m[3]}]`
    setTarget(entry, m[4], m[5] === '' ? null : m[5])
    setStatus(entry, Number(m[9]))
    entry.apiUser = dash(m[2])
    const address = dash(m[1])
    entry.clientIp = address === null ? null : stripPort(address)
    entry.durationMs = m[7] === 'msecs' ? Number(m[6]) : Number(m[6]) / 1000
    return entry
  }
}

function scoreHead(lines: readonly string[]): HeadScore {
  let requests = 0
  let others = 0
  for (const line of lines) {
    if (REQUEST_RE.test(line)) requests++
    else if (BANNER_RE.test(line)) others++
  }
  return { requests, others }
}

export const uwsgiVariant: LineVariant = {
  id: 'uwsgi',
  label: 'uWSGI request log',
  scoreHead,
  createParser,
}
