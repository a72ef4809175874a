// The triage methods of the backend API.
import type { InspectorApi } from '../../shared/api'
import type { Db } from '../store/db'
import { findFindings } from './findings'
import { renderTriageReport } from './report'
import { runTriage } from './run-triage'

export type TriageApi = Pick<InspectorApi, 'runTriage' | 'getFindings' | 'renderTriageReport'>

export function createTriageApi(db: Db): TriageApi {
  return {
    async runTriage(request) {
      return runTriage(db, request)
    },
    async getFindings(request) {
      return findFindings(db, request ?? {})
    },
    async renderTriageReport(request) {
      return renderTriageReport(db, request)
    },
  }
}
