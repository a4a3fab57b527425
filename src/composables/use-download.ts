import type { ExportFile } from '../core/reader/export'

/** Save text as a file: a Blob URL on a temporary a[download], revoked once the click is handled. */
export function download(file: ExportFile, doc: Document = document): void {
  const url = URL.createObjectURL(new Blob([file.text], { type: file.type }))
  const a = doc.createElement('a')
  a.href = url
  a.download = file.name
  a.hidden = true
  doc.body.append(a)
  a.click()
  a.remove()
  // Revoking synchronously can cancel the download in some browsers; a macrotask later is safe.
  setTimeout(() => URL.revokeObjectURL(url), 0)
}
