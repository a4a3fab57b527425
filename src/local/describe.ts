import type { MessageKey } from '../i18n/messages'
import type { OpenProblem } from './record'

type Translate = (key: MessageKey, params?: Record<string, string | number>) => string

/** One specific sentence per problem, naming the file (or "the pasted text") it is about. */
export function describeProblem(problem: OpenProblem, name: string, t: Translate): string {
  switch (problem.code) {
    case 'empty': return t('errEmpty', { name })
    case 'binary': return t('errBinary', { name })
    case 'encoding': return t('errEncoding', { name })
    case 'too-large': return t('errTooLarge', { name, mb: problem.limitMb })
    case 'html': return t('errHtml', { name })
    case 'type': return t('errType', { name, extensions: problem.extensions })
    case 'parse':
      return problem.line === null
        ? t('errParseNoLine', { name, message: problem.message })
        : t('errParse', { name, line: problem.line, message: problem.message })
    case 'url': return t('errUrl')
    case 'network': return t('errNetwork', { name })
    case 'http': return t('errHttp', { name, status: problem.status })
    case 'no-speakers': return t('errNoSpeakers')
    case 'too-slow': return t('errTooSlow', { name, seconds: problem.seconds })
  }
}
