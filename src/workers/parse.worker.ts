import { parseInterview } from '../core/parse'
import { needsToml } from '../core/toml-detect'
import type { WorkerRequest } from '../local/parse-client'

// The DOM lib types `self` as Window, whose postMessage wants a target origin; a worker's does not.
const scope = self as unknown as { onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null; postMessage(value: unknown): void }

scope.onmessage = async (event) => {
  const { source, file } = event.data
  const readToml = needsToml(source) ? (await import('../core/toml')).readToml : undefined
  scope.postMessage(parseInterview(source, { file, readToml }))
}
