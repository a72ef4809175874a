// The export and redaction-preview methods of the API, over an ExportService (spread into the backend).
import type { InspectorApi } from '../../shared/api'
import { previewRedaction } from '../redact'
import type { Db } from '../store/db'
import { getEntryDetail } from '../store/entries-repo'
import type { ExportService } from './export-service'

export type ExportApi = Pick<InspectorApi, 'startExport' | 'cancelExport' | 'previewRedaction'>

export function createExportApi(service: ExportService, db: Db, notFound: (message: string) => Error): ExportApi {
  return {
    async startExport(request) {
      return { exportId: service.start(request) }
    },
    async cancelExport({ exportId }) {
      if (!service.cancel(exportId)) throw notFound(`no running export ${exportId}`)
    },
    async previewRedaction({ id }) {
      const detail = getEntryDetail(db, id)
      if (!detail) throw notFound(`entry ${id} not found`)
      return previewRedaction(detail)
    },
  }
}
