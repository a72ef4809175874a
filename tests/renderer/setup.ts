// Renderer tests share a loaded 2-core CI machine with the build and other suites: waits for the UI
// (findBy…, waitFor) get 5 s instead of Testing Library's 1 s. What is awaited is unchanged.
import { configure } from '@testing-library/dom'

configure({ asyncUtilTimeout: 5000 })
