import { describe, expect, it } from 'vitest'
import { md } from '../../src/core/render'

describe('an ATX heading written as a definition-list term', () => {
  it('renders as the heading, its definition as a block, and the list resumes after it', () => {
    const html = md.render('Ann\n: Why?\n\nBo\n: Because.\n#### Photos\n: ![me](/me.jpg)\n\nAnn\n: And?\n')
    expect(html).toContain('<h4>Photos</h4>')
    expect(html).not.toMatch(/<dt>#/)
    expect(html).toMatch(/<\/dl>\s*<h4>Photos<\/h4>\s*<p><img[^>]*alt="me"/)
    expect(html.match(/<dl>/g)).toHaveLength(2)
    expect(html).toMatch(/<dt>Ann<\/dt>\s*<dd>And\?<\/dd>\s*<\/dl>\s*$/)
  })

  it('leaves a list without heading terms alone', () => {
    expect(md.render('Ann\n: Why?\n')).toBe('<dl>\n<dt>Ann</dt>\n<dd>Why?</dd>\n</dl>\n')
  })
})
