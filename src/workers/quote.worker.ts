import { findQuote } from '../core/reader/quote-match'
import type { QuoteWorkerRequest } from '../composables/quote-locate'

// The DOM lib types `self` as Window, whose postMessage wants a target origin; a worker's does not.
const scope = self as unknown as { onmessage: ((event: MessageEvent<QuoteWorkerRequest>) => void) | null; postMessage(value: unknown): void }

scope.onmessage = (event) => scope.postMessage(findQuote(event.data.texts, event.data.quote))
