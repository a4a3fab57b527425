// Stands in for the build-time `virtual:interviews` and `virtual:interview-summaries` modules (aliased in vite.config.ts), so
// component tests do not depend on the content folder or the parser.
import type { Interview } from '../../src/core/types'
import { summarise } from '../../src/core/reader/summary'
import { makeInterview } from './fixture'

export const summaries = [summarise(makeInterview())]
export const loaders: Record<string, () => Promise<{ default: Interview }>> = {
  seed: async () => ({ default: makeInterview() }),
}
