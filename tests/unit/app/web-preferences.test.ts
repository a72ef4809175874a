// The Electron security checklist, checked without an Electron runtime: the settings every window
// gets, which URLs count as the app's own, which requests may be made and which links may leave.
import { describe, expect, it } from 'vitest'
import {
  APP_ORIGIN,
  isAllowedRequest,
  isAppUrl,
  isExternalLinkAllowed,
  secureWebPreferences,
} from '../../../src/main/app/web-preferences'
import { CONTENT_SECURITY_POLICY } from '../../../src/main/ipc/http-transport'
import { parseCsp } from '../helpers/csp'

describe('window webPreferences', () => {
  it('turns on every isolation the checklist asks for, and nothing else', () => {
    expect(secureWebPreferences('/app/out/preload/index.js')).toEqual({
      preload: '/app/out/preload/index.js',
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      safeDialogs: true,
    })
  })

  it('has no setting that enables remote code, Blink features or a relaxed origin policy', () => {
    const prefs = secureWebPreferences('x') as Record<string, unknown>
    for (const key of ['enableRemoteModule', 'enableBlinkFeatures', 'disableWebSecurity', 'additionalArguments', 'partition']) {
      expect(prefs, key).not.toHaveProperty(key)
    }
  })
})

describe('content security policy', () => {
  const csp = parseCsp(CONTENT_SECURITY_POLICY)

  it("allows scripts only from the app itself: script-src 'self', no unsafe-eval or unsafe-inline", () => {
    expect(csp.get('script-src')).toEqual(["'self'"])
    expect(csp.get('default-src')).toEqual(["'self'"])
    for (const [name, sources] of csp) {
      expect(sources, name).not.toContain("'unsafe-eval'")
      expect(sources, name).not.toContain("'wasm-unsafe-eval'")
      expect(sources, name).not.toContain('*')
      if (name !== 'style-src') expect(sources, name).not.toContain("'unsafe-inline'")
    }
  })

  it('forbids plugins, <base>, frames, being framed and form posts', () => {
    expect(csp.get('object-src')).toEqual(["'none'"])
    expect(csp.get('base-uri')).toEqual(["'none'"])
    expect(csp.get('frame-src')).toEqual(["'none'"])
    expect(csp.get('frame-ancestors')).toEqual(["'none'"])
    expect(csp.get('form-action')).toEqual(["'none'"])
  })

  it('lets the page talk to its own origin only (no remote images, fonts or connections)', () => {
    expect(csp.get('connect-src')).toEqual(["'self'"])
    expect(csp.get('img-src')).toEqual(["'self'", 'data:'])
    expect(csp.get('font-src')).toEqual(["'self'", 'data:'])
  })
})

describe('app URLs', () => {
  it('serves the app from app://inspector, not file://', () => {
    expect(APP_ORIGIN).toBe('app://inspector')
    expect(isAppUrl('app://inspector/index.html')).toBe(true)
    expect(isAppUrl('app://inspector/assets/index-abc.js')).toBe(true)
  })

  it('does not take look-alikes for the app', () => {
    for (const url of [
      'file:///app/out/renderer/index.html',
      'http://inspector/index.html',
      'https://inspector/index.html',
      'app://inspector.evil.example/',
      'app://inspector@evil.example/',
      'app://inspector:8080/',
      'app://evil/',
      'app:inspector/index.html',
      'javascript:alert(1)',
      'not a url',
      '',
    ]) {
      expect(isAppUrl(url), url).toBe(false)
    }
  })
})

describe('outgoing requests', () => {
  it('allows the app, DevTools and inline data only', () => {
    expect(isAllowedRequest('app://inspector/index.html')).toBe(true)
    expect(isAllowedRequest('devtools://devtools/bundled/inspector.html')).toBe(true)
    expect(isAllowedRequest('data:image/png;base64,AAAA')).toBe(true)
    expect(isAllowedRequest('blob:app://inspector/5a1c2f4e-0000-4000-8000-000000000000')).toBe(true)
    expect(isAllowedRequest('blob:https://evil.example/5a1c2f4e')).toBe(false)
  })

  it('blocks every request that would leave the machine or read local files', () => {
    for (const url of [
      'https://api.example.com/v1/contacts?token=abc',
      'http://127.0.0.1:8080/',
      'http://localhost/',
      'ws://evil.example/socket',
      'wss://evil.example/socket',
      'ftp://evil.example/file',
      'file:///etc/passwd',
      'chrome://settings',
      'app://evil.example/x.js',
      '//evil.example/x.js',
      'javascript:fetch("https://evil.example")',
    ]) {
      expect(isAllowedRequest(url), url).toBe(false)
    }
  })
})

describe('external links', () => {
  it('opens http(s) only', () => {
    expect(isExternalLinkAllowed('https://docs.example.com/errors#401')).toBe(true)
    expect(isExternalLinkAllowed('http://example.com/')).toBe(true)
    for (const url of [
      'javascript:alert(1)',
      'JAVASCRIPT:alert(1)',
      ' javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'file:///etc/passwd',
      'smb://evil.example/share',
      'ms-msdt:/id PCWDiagnostic',
      'vbscript:msgbox(1)',
      'app://inspector/index.html',
      'mailto:a@example.com',
      'relative/path',
    ]) {
      expect(isExternalLinkAllowed(url), url).toBe(false)
    }
  })
})
