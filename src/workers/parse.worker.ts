import { parseInterview } from '../core/parse'
import type { WorkerRequest } from '../local/parse-client'

// The DOM lib types `self` as Window, whose postMessage wants a target origin; a worker's does not.
const scope = self as unknown as { onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null; postMessage(value: unknown): void }

scope.onmessage = (event) => {
  const { source, file } = event.data
  scope.postMessage(parseInterview(source, { file }))
}
