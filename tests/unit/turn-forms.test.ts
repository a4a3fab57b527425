import { describe, expect, it } from 'vitest'
import { conversation, parseOk, turnsOf } from './helpers'

const fm = (extra = ''): string => `---\ntitle: "A talk"\n${extra}---\n\n`

describe('turn forms', () => {
  it('plain name with a full-width colon', () => {
    const doc = `${fm()}## 开始\n\n小王：你好吗？\n\n老李：很好，谢谢。\n\n小王：再见？\n\n老李：再见。\n`
    expect(conversation(parseOk(doc), 1)).toEqual([
      ['小王', 'interviewer', '你好吗？'],
      ['老李', 'interviewee', '很好，谢谢。'],
      ['小王', 'interviewer', '再见？'],
      ['老李', 'interviewee', '再见。'],
    ])
  })

  it('plain name with an ASCII colon', () => {
    const doc = `${fm()}## Start\n\nAda: How did you start?\n\nGrace: By accident.\n\nAda: And then?\n\nGrace: I stayed.\n`
    expect(conversation(parseOk(doc))).toEqual([
      ['Ada', 'interviewer', 'How did you'],
      ['Grace', 'interviewee', 'By accident.'],
      ['Ada', 'interviewer', 'And then?'],
      ['Grace', 'interviewee', 'I stayed.'],
    ])
  })

  it('bold name with the colon outside or inside the bold, spacing varied', () => {
    const doc = `${fm()}## Start\n\n**Ada**: Why Rust?\n\n**Grace:** Safety.\n\n**Ada** : Anything else?\n\n**Grace**:Speed too.\n`
    expect(conversation(parseOk(doc), 2)).toEqual([
      ['Ada', 'interviewer', 'Why Rust?'],
      ['Grace', 'interviewee', 'Safety.'],
      ['Ada', 'interviewer', 'Anything else?'],
      ['Grace', 'interviewee', 'Speed too.'],
    ])
  })

  it('bold name with an organisation and a full-width colon; short form later is the same person', () => {
    const doc = `${fm()}## 开始\n\n**Ada Park (AP)**：你是谁？\n\n**Li Wei (LW)**：我是工程师。\n\n**AP**：为什么？\n\n**LW**：因为喜欢。\n`
    const interview = parseOk(doc)
    expect(conversation(interview, 1).map(([name, role]) => [name, role])).toEqual([
      ['AP', 'interviewer'],
      ['LW', 'interviewee'],
      ['AP', 'interviewer'],
      ['LW', 'interviewee'],
    ])
    expect(interview.speakers.find((s) => s.name === 'AP')?.aliases).toContain('Ada Park (AP)')
    expect(turnsOf(interview)[0]?.label).toBe('Ada Park (AP)')
  })

  it('initials as labels', () => {
    const doc = `${fm()}## Start\n\n**FSM**: What does the SIG do?\n\n**XY**: Storage.\n\n**FSM**: Thanks!\n`
    expect(conversation(parseOk(doc), 2)).toEqual([
      ['FSM', 'interviewer', 'What does'],
      ['XY', 'interviewee', 'Storage.'],
      ['FSM', 'interviewer', 'Thanks!'],
    ])
  })

  it('Q:/A: and **Q**/**A** labels carry the role', () => {
    const doc = `${fm()}## One\n\nQ: What is it?\n\nA: A tool.\n\n## Two\n\n**Q**: Who uses it?\n\n**A**: Everyone.\n`
    expect(conversation(parseOk(doc), 2)).toEqual([
      ['Q', 'interviewer', 'What is'],
      ['A', 'interviewee', 'A tool.'],
      ['Q', 'interviewer', 'Who uses'],
      ['A', 'interviewee', 'Everyone.'],
    ])
  })

  it('a question as a bold paragraph followed by unlabelled answer paragraphs', () => {
    const doc = `${fm('author: Sam Reporter\n')}Sam Reporter interviews Kim Maintainer.\n\n## Talk\n\n**What do you maintain?**\n\nThe scheduler.\n\nAnd some docs.\n\n**Why?**\n\nSomeone had to.\n`
    const interview = parseOk(doc)
    expect(conversation(interview, 3)).toEqual([
      ['Sam Reporter', 'interviewer', 'What do you'],
      ['Kim Maintainer', 'interviewee', 'The scheduler. And'],
      ['Sam Reporter', 'interviewer', 'Why?'],
      ['Kim Maintainer', 'interviewee', 'Someone had to.'],
    ])
  })

  it('a question as a ### sub-heading followed by its answer', () => {
    const doc = `${fm('author: Pat Writer\n')}## The conversation\n\n### What does the team do?\n\nIt writes docs.\n\n### How to join?\n\nCome to the meeting.\n\n## Wrap up\n\nThanks for reading.\n`
    const interview = parseOk(doc)
    expect(conversation(interview, 3)).toEqual([
      ['Pat Writer', 'interviewer', 'What does the'],
      ['interviewees', 'interviewee', 'It writes docs.'],
      ['Pat Writer', 'interviewer', 'How to join?'],
      ['interviewees', 'interviewee', 'Come to the'],
    ])
    expect(interview.sections.map((s) => s.title)).toEqual(['The conversation', 'Wrap up'])
  })

  it('a numbered list of bold questions with indented answers', () => {
    const doc = `${fm('author: Nia Host\n')}Nia Host interviews Omar Guest.\n\n1. **What is the release process?**\n\n    It is planned.\n\n    - step one\n\n2. **Is it hard?**\n\n    Sometimes.\n`
    expect(conversation(parseOk(doc), 3)).toEqual([
      ['Nia Host', 'interviewer', 'What is the'],
      ['Omar Guest', 'interviewee', 'It is planned.'],
      ['Nia Host', 'interviewer', 'Is it hard?'],
      ['Omar Guest', 'interviewee', 'Sometimes.'],
    ])
  })

  it('a question bold from the name to the end, even when the bold is never closed', () => {
    const doc = `${fm()}## A\n\n**Sam: What do you do?**\n\n**Kim**: Code.\n\n**Sam: And on weekends?\n\n**Kim**: Hike.\n`
    const turns = turnsOf(parseOk(doc))
    expect(turns.map((t) => t.text)).toEqual(['What do you do?', 'Code.', 'And on weekends?', 'Hike.'])
    expect(turns[0]?.html).toContain('<strong>What do you do?</strong>')
    expect(turns.map((t) => t.role)).toEqual(['interviewer', 'interviewee', 'interviewer', 'interviewee'])
  })
})

describe('what belongs to a turn', () => {
  it('keeps later paragraphs, lists, quotes and code in the current turn until the next label', () => {
    const doc = `${fm()}## A\n\n**Ada**: Show me?\n\n**Grace**: Here:\n\n- one\n- two\n\n> a quote\n\n\`\`\`sh\nkubectl get pods\n\`\`\`\n\nThat is all.\n\n**Ada**: Thanks?\n`
    const turns = turnsOf(parseOk(doc))
    expect(turns).toHaveLength(3)
    const answer = turns[1]
    expect(answer?.html).toContain('<li>one</li>')
    expect(answer?.html).toContain('<blockquote>')
    expect(answer?.html).toContain('kubectl get pods')
    expect(answer?.text.endsWith('That is all.')).toBe(true)
    expect(answer?.lines).toEqual({ start: 9, end: 20 })
  })

  it('a one-off "Note:" or "例如：" inside an answer is text, not a speaker', () => {
    const doc = `${fm()}## A\n\n**Ada**: Why?\n\n**Grace**: Because.\n\nNote: this is important.\n\n例如：这样。\n\n**Ada**: OK?\n`
    const interview = parseOk(doc)
    expect(interview.speakers.map((s) => s.name).sort()).toEqual(['Ada', 'Grace'])
    expect(turnsOf(interview)[1]?.text).toContain('Note: this is important.')
    expect(interview.rejectedLabels).toEqual(expect.arrayContaining(['Note', '例如']))
  })

  it('bold topic labels inside an answer are not speakers', () => {
    const doc = `${fm('author: Pat Writer\n')}## Talk\n\n### What are the subprojects?\n\n**Blogs**: news.\n\n**Localization**: translations.\n\n### Next?\n\nMore docs.\n`
    const turns = turnsOf(parseOk(doc))
    expect(turns).toHaveLength(4)
    expect(turns[1]?.text).toBe('Blogs: news.\n\nLocalization: translations.')
  })

  it('bylines are narration, and the byline name joins the labelled speaker as an alias', () => {
    const doc = `${fm()}作者：Ada Lovelace\n\n译者：[Bob](https://example.com)\n\n## 一\n\nAda：问题？\n\nGrace：回答。\n\nAda：还有吗？\n\nGrace：没有。\n`
    const interview = parseOk(doc)
    expect(interview.speakers.map((s) => [s.name, s.role])).toEqual([
      ['Ada', 'interviewer'],
      ['Grace', 'interviewee'],
    ])
    expect(interview.speakers[0]?.aliases).toContain('Ada Lovelace')
    expect(interview.meta.translators).toEqual(['Bob'])
    expect(interview.sections[0]?.blocks.map((b) => b.kind)).toEqual(['narration'])
  })

  it('a thematic break ends the turn: closing remarks are narration', () => {
    const doc = `${fm()}## A\n\n**Ada**: Why?\n\n**Grace**: Because.\n\n---\n\nThis is where the conversation ends.\n`
    const section = parseOk(doc).sections.at(-1)
    expect(section?.blocks.map((b) => b.kind)).toEqual(['turn', 'turn', 'narration'])
    expect(section?.blocks[2]?.text).toContain('conversation ends')
  })

  it('text inside HTML comments never shows and never makes turns', () => {
    const doc = `${fm()}<!--\n**Ada**: English question?\n-->\n## 一\n<!---\n## Hidden heading\n-->\n\n**Ada**：问题？\n\n**Grace**：回答 <!-- inline --> 完。\n`
    const interview = parseOk(doc)
    expect(interview.sections.map((s) => s.title)).toEqual(['一'])
    expect(turnsOf(interview).map((t) => t.text)).toEqual(['问题？', '回答  完。'])
    expect(JSON.stringify(interview)).not.toContain('English question')
  })

  it('speakers declared in front matter override inference', () => {
    const doc = `${fm('parley:\n  speakers:\n    - name: Grace\n      role: interviewer\n    - name: Ada\n      role: interviewee\n      aliases: [Ada L]\n')}## A\n\nAda: Why?\n\nGrace: Because.\n\nAda L: Hmm?\n\nNote: not a speaker.\n`
    const interview = parseOk(doc)
    expect(conversation(interview, 1)).toEqual([
      ['Ada', 'interviewee', 'Why?'],
      ['Grace', 'interviewer', 'Because.'],
      ['Ada', 'interviewee', 'Hmm?'],
    ])
  })
})

describe('evidence for one-off labels', () => {
  it('accepts a panelist who speaks once when the intro lists them beside the others', () => {
    const doc = `${fm()}We sit down with Ben, Nia, and Max.\n\n## Intro\n\n**Sam: Who are you?**\n\n**Ben**: Ben.\n\n**Nia**: Nia.\n\n**Max**: Max.\n\n## More\n\n**Sam: Why?**\n\n**Ben**: Fun.\n\n**Max**: Same.\n`
    const interview = parseOk(doc)
    expect(interview.speakers.map((s) => [s.name, s.role])).toEqual([
      ['Sam', 'interviewer'],
      ['Ben', 'interviewee'],
      ['Nia', 'interviewee'],
      ['Max', 'interviewee'],
    ])
  })

  it('accepts a full name introduced in the intro, but not a topic word the intro happens to use', () => {
    const doc = `${fm()}Meet [Jo Ann Lee](https://example.com) and Kim Park, who work on Kubernetes.\n\n## A\n\n**What is Kubernetes to you?**\n\n**Jo Ann Lee**: A platform.\n\n**Kim Park**: A community.\n\nKubernetes: a word at the start of a paragraph.\n\n**What next?**\n\nMore of it.\n`
    const interview = parseOk(doc)
    expect(interview.speakers.map((s) => s.name)).toEqual(['interviewer', 'Jo Ann Lee', 'Kim Park', 'interviewees'])
    expect(interview.rejectedLabels).toContain('Kubernetes')
  })

  it('accepts a one-off answer to a labelled question, not a one-off note after an answer', () => {
    const doc = `${fm()}## A\n\n**Ada**: Why?\n\n**Grace**: Because.\n\n**Ada**: And?\n\n**Lin**: I agree.\n\n**Tip**: read the docs.\n`
    const interview = parseOk(doc)
    expect(interview.speakers.map((s) => s.name)).toEqual(['Ada', 'Grace', 'Lin'])
    expect(interview.rejectedLabels).toEqual(['Tip'])
  })
})

describe('forms found on unseen articles', () => {
  it('unlabelled answers after a bold `**Name: question**` belong to the interviewees, jointly', () => {
    const doc = `${fm()}[Sam Host](https://e.org) talks to [Max\nLee](https://e.org) and [Jan\nKo](https://e.org).\n\n## A\n\n**Sam: Who are you?**\n\n**Max**: Max.\n\n**Jan**: Jan.\n\n## B\n\n*Answers below are joint.*\n\n**Sam: What do you do?**\n\nWe build things.\n\nMostly tools.\n\n**Sam: Why?**\n\nBecause.\n`
    expect(conversation(parseOk(doc), 2)).toEqual([
      ['Sam', 'interviewer', 'Who are'],
      ['Max', 'interviewee', 'Max.'],
      ['Jan', 'interviewee', 'Jan.'],
      ['Sam', 'interviewer', 'What do'],
      ['interviewees', 'interviewee', 'We build'],
      ['Sam', 'interviewer', 'Why?'],
      ['interviewees', 'interviewee', 'Because.'],
    ])
  })

  it('a joint label `SK/EH:` is its own speaker; its parts are not merged into it', () => {
    const doc = `${fm()}## A\n\n### Who are you?\n\nSK: Sam.\n\nEH: Eve.\n\n### Why?\n\nSK: Fun.\n\nEH: Yes.\n\n### Last words?\n\nSK/EH: Thanks!\n`
    const interview = parseOk(doc)
    expect(interview.speakers.map((s) => s.name)).toEqual(['interviewer', 'SK', 'EH', 'SK/EH'])
    expect(turnsOf(interview).at(-1)?.text).toBe('Thanks!')
  })

  it('two labelled paragraphs in a row by one speaker are one turn', () => {
    const doc = `${fm()}## A\n\n**Ada**: First question?\n\n**Ada**: Second question?\n\n**Grace**: Answer.\n\n**Ada**: More?\n\n**Grace**: No.\n`
    const turns = turnsOf(parseOk(doc))
    expect(turns.map((t) => t.text)).toEqual(['First question?\n\nSecond question?', 'Answer.', 'More?', 'No.'])
  })

  it('a pronoun is never taken for the interviewer’s name', () => {
    const doc = `${fm()}We talked with Eve Park about docs.\n\n## A\n\n### Why docs?\n\nThey matter.\n\n### Next?\n\nMore docs.\n`
    const interview = parseOk(doc)
    expect(interview.speakers.map((s) => [s.name, s.role])).toEqual([
      ['interviewer', 'interviewer'],
      ['Eve Park', 'interviewee'],
    ])
  })

  it('a line break inside Chinese text is not a space, in the text or the HTML', () => {
    const doc = `${fm()}## 一\n\n小王：你好吗？\n\n老李：到 2019 年底，\n我才发现。\n\n小王：真的？\n\n老李：是的。\n`
    const answer = turnsOf(parseOk(doc))[1]
    expect(answer?.text).toBe('到 2019 年底，我才发现。')
    expect(answer?.html).toBe('<p>到 2019 年底，我才发现。</p>\n')
  })
})

describe('a closing signature', () => {
  const doc = (signature: string): string =>
    `${fm()}Today my guest is Dana Reyes.\n\n**Why threads?**\n\nBecause cores.\n\n**And locks?**\n\nOnly when needed.\n\n**Thank you, Dana.**\n\n&#9632;\n\n${signature}\n\n*// July 2012*\n`

  it('names the interviewer beside the guest and stays narration, with the end mark before it', () => {
    const interview = parseOk(doc('*// Dana Reyes, Omar Haddad*'))
    expect(conversation(interview).map(([name, role]) => [name, role])).toEqual([
      ['Omar Haddad', 'interviewer'],
      ['Dana Reyes', 'interviewee'],
      ['Omar Haddad', 'interviewer'],
      ['Dana Reyes', 'interviewee'],
      ['Omar Haddad', 'interviewer'],
    ])
    expect(turnsOf(interview).at(-1)?.text).toBe('Thank you, Dana.')
    const narration = interview.sections.flatMap((s) => s.blocks).filter((b) => b.kind === 'narration').map((b) => b.text).join(' ')
    expect(narration).toContain('■')
    expect(narration).toContain('Dana Reyes, Omar Haddad')
  })

  it('names nobody when it does not name the guest, and a sentence of names in italics is no signature', () => {
    expect(parseOk(doc('*// Lee Park, Omar Haddad*')).speakers.map((s) => s.name)).not.toContain('Omar Haddad')
    const sentence = parseOk(doc('*Dana Reyes and Omar Haddad met in Oslo.*'))
    expect(sentence.speakers.map((s) => s.name)).not.toContain('Omar Haddad')
  })
})

describe('more question forms', () => {
  it('an italic paragraph that asks is a question; an italic editorial note is not', () => {
    const doc = `${fm()}Our host had the chance to interview Kim Lee.\n\n## A\n\n*Answers were edited for length.*\n\n*What do you work on?*\n\nThe scheduler.\n\n*Why?*\n\nIt is fun.\n`
    const interview = parseOk(doc)
    expect(conversation(interview, 2)).toEqual([
      ['interviewer', 'interviewer', 'What do'],
      ['Kim Lee', 'interviewee', 'The scheduler.'],
      ['interviewer', 'interviewer', 'Why?'],
      ['Kim Lee', 'interviewee', 'It is'],
    ])
    expect(interview.sections[1]?.blocks[0]?.kind).toBe('narration')
  })
})

describe('role labels and short forms', () => {
  it('`### 問：` questions lose their prefix and `答：` answers take the name the intro gives', () => {
    const doc = `${fm()}我們總結了與 Gaby Moreno 的對話。\n\n## 對話\n\n### 問：你做什麼？\n\n答：設計。\n\n### 問：為什麼？\n\n答：因為好玩。\n`
    const interview = parseOk(doc)
    expect(conversation(interview, 1)).toEqual([
      ['interviewer', 'interviewer', '你做什麼？'],
      ['Gaby Moreno', 'interviewee', '設計。'],
      ['interviewer', 'interviewer', '為什麼？'],
      ['Gaby Moreno', 'interviewee', '因為好玩。'],
    ])
    expect(interview.speakers[1]?.aliases).toContain('答')
  })

  it('`Q.` and `A.` with a full stop are role labels too', () => {
    const doc = `${fm()}## Talk\n\nQ. What is it?\n\nA. A tool.\n\n**Q.** Who uses it?\n\n**A.** Everyone.\n`
    expect(conversation(parseOk(doc), 2).map(([name, role, words]) => [name, role, words])).toEqual([
      ['Q', 'interviewer', 'What is'],
      ['A', 'interviewee', 'A tool.'],
      ['Q', 'interviewer', 'Who uses'],
      ['A', 'interviewee', 'Everyone.'],
    ])
  })

  it('`A` without any `Q` is someone’s initial, and initials join the full name they stand for', () => {
    const doc = `${fm('author: "Arvind Parekh"\n')}We talked with [Kensei Nakada](https://e.org).\n\n## A\n\n**Arvind:** **Hello, who are you?**\n\n**Kensei**: Kensei.\n\n**AP: What do you do?**\n\n**KN**: Scheduling.\n\n**A: Anything else?**\n\n**KN**: No.\n`
    const interview = parseOk(doc)
    expect(interview.speakers.map((s) => [s.name, s.role])).toEqual([
      ['AP', 'interviewer'],
      ['KN', 'interviewee'],
      ['A', 'interviewer'],
    ])
    expect(interview.speakers[0]?.aliases).toEqual(expect.arrayContaining(['Arvind', 'Arvind Parekh']))
    expect(interview.speakers[1]?.aliases).toEqual(expect.arrayContaining(['Kensei', 'Kensei Nakada']))
  })
})

describe('a label with nothing after it', () => {
  const cases: Record<string, string> = {
    'at the end': '**Ann**: Hello?\n\n**Bob**: Hi.\n\n**Ann**:\n',
    'before a heading': '**Ann**: Hello?\n\n**Bob**: Hi.\n\n**Ann**:\n\n## Next\n\n**Bob**: More.\n',
    'before a rule': '**Ann**: Hello?\n\n**Bob**: Hi.\n\n**Ann**:\n\n---\n\nThe end.\n',
    'before an unclosed comment': '**Ann**: Hello?\n\n**Bob**: Hi.\n\n**Ann**:\n\n<!-- never closed\n',
  }
  for (const [where, body] of Object.entries(cases)) {
    it(`${where}: stays as written, as narration, and no turn is empty`, () => {
      const interview = parseOk(`---\ntitle: t\n---\n\n${body}`)
      expect(turnsOf(interview).filter((t) => t.text.trim() === '')).toEqual([])
      const narration = interview.sections.flatMap((s) => s.blocks).filter((b) => b.kind === 'narration')
      expect(narration.some((b) => b.text.startsWith('Ann:'))).toBe(true)
    })
  }

  it('alone on its line, it is joined to the text that follows', () => {
    const interview = parseOk('---\ntitle: t\n---\n\n**Ann**:\n\nHello?\n\n**Bob**:\nHi.\n')
    expect(conversation(interview, 1)).toEqual([
      ['Ann', 'interviewer', 'Hello?'],
      ['Bob', 'interviewee', 'Hi.'],
    ])
  })

  it('a quoted label speaks without its quote; quoted narration keeps it', () => {
    const doc = `${fm()}> A warning: this one gets technical.\n\n> **Q:** How did you start?\n\n**A:** By accident.\n\n> **Q:** And then?\n\n**A:** I stayed.\n`
    const interview = parseOk(doc)
    const [question] = turnsOf(interview)
    expect(question?.html).toBe('<p>How did you start?</p>\n')
    const narration = interview.sections.flatMap((s) => s.blocks).find((b) => b.kind === 'narration')
    expect(narration?.html).toContain('<blockquote>')
  })
})
