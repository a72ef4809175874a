#!/usr/bin/env node
// Writes resources/samples/vicidial-api-log-demo.csv: a VICIdial admin "API Log Report" CSV download
// (AST_API_log_report.php with "show URLs", see FORMATS.md §1.4) for one made-up day on a made-up
// dialer. Deterministic: the same file every run. The data is ours (MIT); names, numbers (555-01xx),
// hosts (example.com) and passwords are fictitious.
//
// The story the triage wizard walks:
//   - monitor    (Nagios) calls version every 10 minutes, all day;
//   - leadimport (nightly lead import job) calls add_lead 01:00–04:30 but is silent 02:00–03:00:
//     its calls never reached the dialer, so nothing was logged in that hour;
//   - crmsync    (CRM status sync) calls update_lead every ~3 minutes 08:00–18:00; its password was
//     changed in VICIdial at 14:05 and not in the CRM, so from then on every call (and its two
//     retries) fails with ERROR "Invalid Username/Password";
//   - crmwidget  (CRM widget in the agent screen) drives agents 1001–1012 through the Agent API:
//     external_dial, external_status, external_pause; a double-clicked pause gives a NOTICE, and
//     logout at the end of each shift fails: the API user lacks permission for that function.
//
// Usage: node scripts/make-demo-log.mjs [output.csv]
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const DAY = '2024-03-12'
const HOST = 'http://dialer.example.com'
const NON_AGENT = { script: 'non-agent', path: '/vicidial/non_agent_api.php', urlId: '1' }
const AGENT = { script: 'agent', path: '/agc/api.php', urlId: '2' }
/** The dialer's wall clock is US Eastern, on daylight time since 2024-03-10 (UTC-4). */
const UTC_OFFSET_HOURS = -4

const FULL_NAMES = {
  monitor: 'Nagios Monitor',
  leadimport: 'Nightly Lead Import Job',
  crmsync: 'CRM Status Sync',
  crmwidget: 'CRM Agent Screen Widget',
  1001: 'Maria Lopez', 1002: 'James Carter', 1003: 'Aisha Khan', 1004: 'Tom Becker',
  1005: 'Lena Novak', 1006: 'Omar Haddad', 1007: 'Grace Kim', 1008: 'Diego Ramos',
  1009: 'Priya Nair', 1010: 'Sam Walsh', 1011: 'Chloe Martin', 1012: 'Victor Ortiz',
}
const AGENTS = Object.keys(FULL_NAMES).filter((k) => /^\d+$/.test(k))
const FIRST = ['Anna', 'Ben', 'Carla', 'David', 'Elena', 'Frank', 'Gina', 'Hugo', 'Ines', 'Jonas', 'Kara', 'Liam', 'Mona', 'Nico', 'Olga', 'Sean']
const LAST = ['Adams', 'Brooks', 'Castro', 'Dunn', 'Ellis', 'Fischer', 'Garcia', 'Hughes', 'Ivanova', 'Jensen', 'OBrien', 'Patel', 'Quinn', 'Reyes']
const STATES = [['IL', '312', '60614'], ['FL', '727', '33701'], ['CA', '415', '94110'], ['NY', '646', '10027']]
const DISPOSITIONS = ['SALE', 'NI', 'NI', 'CALLBK', 'A', 'A', 'NP', 'DNC']

/** mulberry32: a small seeded generator, so the file is the same on every run. */
function random(seed) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
const rand = random(20240312)
const between = (lo, hi) => lo + rand() * (hi - lo)
const pick = (list) => list[Math.floor(rand() * list.length)]

const seconds = (hh, mm = 0, ss = 0) => hh * 3600 + mm * 60 + ss
const two = (n) => String(n).padStart(2, '0')
function clock(sec) {
  const s = Math.floor(sec)
  return `${DAY} ${two(Math.floor(s / 3600))}:${two(Math.floor(s / 60) % 60)}:${two(s % 60)}`
}
const epochOf = (sec) => Date.UTC(2024, 2, 12) / 1000 - UTC_OFFSET_HOURS * 3600 + Math.floor(sec)

/** "user - Full Name" cut to 30 characters, as the report shows users. */
const displayUser = (user) => (user ? `${user} - ${FULL_NAMES[user]}`.slice(0, 30) : '')
/** run_time: PHP microtime() seconds, cut to 8 characters by the report. */
const runTime = (lo, hi) => between(lo, hi).toFixed(6).slice(0, 8)
const phone = (area) => `${area}55501${two(Math.floor(rand() * 100))}`

const rows = []
function call(sec, api, fields) {
  const query = Object.entries(fields.query).map(([k, v]) => `${k}=${encodeURIComponent(v).replace(/%20/g, '+')}`).join('&')
  rows.push({
    sec, order: rows.length, api, user: fields.user, agent: fields.agent ?? '', value: fields.value ?? '',
    func: fields.query.function, result: fields.result, reason: fields.reason, source: fields.query.source,
    data: fields.data, runTime: fields.runTime, webserver: rand() < 0.5 ? '1' : '2',
    url: `${HOST}${api.path}?${query}`, ip: fields.ip,
  })
}

function monitorCalls() {
  for (let sec = 0; sec < seconds(24); sec += 600) {
    const at = sec + Math.floor(between(1, 6))
    call(at, NON_AGENT, {
      user: 'monitor', ip: '10.10.0.5', result: 'SUCCESS', reason: 'version', runTime: runTime(0.003, 0.009),
      query: { source: 'nagios', user: 'monitor', pass: 'N4giosCheck', function: 'version' },
      data: `VERSION: 2.14-917a|BUILD: 240307-1103|DATE: ${clock(at)}|EPOCH: ${epochOf(at)}|DST: 1|TZ: -5|TZNOW: -4|`,
    })
  }
}

function leadImportCalls() {
  let leadId = 2231000
  const windows = [[seconds(1), seconds(2)], [seconds(3), seconds(4, 30)]]
  for (const [from, to] of windows) {
    for (let sec = from + between(2, 20); sec < to; sec += between(15, 35)) {
      const [state, area, zip] = pick(STATES)
      const number = phone(area)
      leadId++
      call(sec, NON_AGENT, {
        user: 'leadimport', ip: '10.10.0.21', result: 'SUCCESS', reason: 'add_lead LEAD HAS BEEN ADDED',
        runTime: runTime(0.02, 0.09), data: `${number}|leadimport|1201|${leadId}|-4`,
        query: {
          source: 'nightly_import', user: 'leadimport', pass: 'Imp0rt2024', function: 'add_lead',
          phone_number: number, phone_code: '1', list_id: '1201', first_name: pick(FIRST), last_name: pick(LAST),
          state, postal_code: zip, vendor_lead_code: `WEB-${88000 + leadId - 2231000}`, duplicate_check: 'DUPLIST',
        },
      })
    }
  }
}

function crmSyncCalls() {
  const changedAt = seconds(14, 5)
  for (let sec = seconds(8) + between(5, 40); sec < seconds(18); sec += between(150, 210)) {
    const leadId = 2231001 + Math.floor(rand() * 300)
    const query = {
      source: 'crm_sync', user: 'crmsync', pass: 'CrmSync2024Q1', function: 'update_lead',
      lead_id: String(leadId), status: pick(DISPOSITIONS), search_method: 'LEAD_ID', no_update: 'N',
    }
    if (sec < changedAt) {
      call(sec, NON_AGENT, {
        user: 'crmsync', ip: '203.0.113.40', result: 'SUCCESS', reason: 'update_lead LEAD HAS BEEN UPDATED',
        runTime: runTime(0.01, 0.05), data: `crmsync|${leadId}`, query,
      })
      continue
    }
    for (const retry of [0, between(4, 6), between(14, 17)]) {
      call(sec + retry, NON_AGENT, {
        user: 'crmsync', ip: '203.0.113.40', result: 'ERROR', reason: 'Invalid Username/Password',
        runTime: runTime(0.002, 0.006), data: 'crmsync|BAD|', query,
      })
    }
  }
}

function agentCall(sec, agent, func, value, result, reason, data, extra = {}) {
  call(sec, AGENT, {
    user: 'crmwidget', agent, value, ip: `192.168.50.${100 + Number(agent) - 1000}`, result, reason, data,
    runTime: runTime(0.003, 0.02),
    query: { source: 'crm_widget', user: 'crmwidget', pass: 'W1dgetPass', agent_user: agent, function: func, value, ...extra },
  })
}

function pause(sec, agent, value) {
  agentCall(sec, agent, 'external_pause', value, 'SUCCESS', 'external_pause function set', `${value}|${epochOf(sec)}|${agent}`)
}

function agentShift(agent, index) {
  const start = seconds(8) + index * 150 + between(0, 60)
  const end = seconds(16, 30) + index * 60 + between(0, 240)
  const breaks = [seconds(10, 15) + index * 40, seconds(12, 30) + index * 90, seconds(15) + index * 40]
  let sec = start
  let nextBreak = 0
  pause(sec, agent, 'RESUME')
  while (sec < end - 900) {
    sec += between(240, 1200)
    if (nextBreak < breaks.length && sec > breaks[nextBreak]) {
      const long = nextBreak === 1
      pause(sec, agent, 'PAUSE')
      if ((index + nextBreak) % 5 === 0) {
        agentCall(sec + between(1, 3), agent, 'external_pause', 'PAUSE', 'NOTICE', 'external_pause agent_user is already paused', `PAUSE|${agent}`)
      }
      sec += long ? between(1800, 2400) : between(600, 900)
      pause(sec, agent, 'RESUME')
      nextBreak++
      continue
    }
    const [, area] = pick(STATES)
    const number = phone(area)
    agentCall(sec, agent, 'external_dial', number, 'SUCCESS', 'external_dial function set', `${number}|1|${agent}`, { phone_code: '1', search: 'YES', preview: 'NO', focus: 'YES' })
    sec += between(90, 420)
    const status = pick(DISPOSITIONS)
    agentCall(sec, agent, 'external_status', status, 'SUCCESS', 'external_status function set', `${status}|${agent}`)
  }
  agentCall(end, agent, 'logout', '', 'ERROR', 'auth USER DOES NOT HAVE PERMISSION TO USE THIS FUNCTION', `crmwidget|logout`)
}

const COLUMNS = ['API DATE', 'USER', 'API SCRIPT', 'FUNCTION', 'AGENT USER', 'VALUE', 'RESULT', 'RESULT REASON', 'SOURCE', 'DATA', 'RUN TIME', 'WEBSERVER', 'API URL']
const URL_VARIABLES = ['phone_number', 'lead_id']

/** A URL variable as the report shows it: urldecoded, cut to 20 characters. */
function urlVariable(url, name) {
  const query = url.split('?')[1] ?? ''
  const pair = query.split('&').find((p) => p.split('=')[0].toLowerCase() === name)
  return pair ? decodeURIComponent(pair.split('=')[1].replace(/\+/g, ' ')).slice(0, 20) : ''
}

function renderRow(r) {
  const cells = [
    clock(r.sec), displayUser(r.user), r.api.script, r.func, displayUser(r.agent), r.value, r.result, r.reason,
    r.source, r.data, r.runTime, r.webserver, r.api.urlId, ...URL_VARIABLES.map((v) => urlVariable(r.url, v)), r.ip, r.url,
  ]
  return `"${cells.join('","')}"`
}

function render() {
  rows.sort((a, b) => Math.floor(a.sec) - Math.floor(b.sec) || a.order - b.order)
  const header = [...COLUMNS, ...URL_VARIABLES, 'REMOTE IP', 'FULL URL STRING']
  return [
    '"API ACCESS LOG REPORT"',
    `"API DATE RANGE:","${DAY} 00:00:00 to ${DAY} 23:59:59"`,
    '',
    `"${header.join('","')}"`,
    ...rows.map(renderRow),
    '',
  ].join('\n')
}

monitorCalls()
leadImportCalls()
crmSyncCalls()
AGENTS.forEach((agent, index) => agentShift(agent, index))

const here = dirname(fileURLToPath(import.meta.url))
const out = process.argv[2] ?? join(here, '../resources/samples/vicidial-api-log-demo.csv')
mkdirSync(dirname(out), { recursive: true })
writeFileSync(out, render())
console.log(`wrote ${rows.length} rows to ${out}`)
