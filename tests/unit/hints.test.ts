import { describe, expect, it } from 'vitest'
import { readRoleHints, selfIntroduction } from '../../src/core/hints'

describe('role hints from the intro', () => {
  it('reads who asks and who answers from the verb that joins them', () => {
    expect(readRoleHints('In this spotlight, Nitish Kumar interviews Verónica López, Technical Lead of SIG Release.')).toEqual({
      interviewers: ['Nitish Kumar'],
      interviewees: ['Verónica López'],
    })
    expect(readRoleHints('在这篇博客中，Arujjwal Negi 采访了 Michael McCune (Red Hat)，又名 elmiko。')).toEqual({
      interviewers: ['Arujjwal Negi'],
      interviewees: ['Michael McCune'],
    })
    expect(readRoleHints('我們總結了與 Gaby Moreno 的對話。')).toEqual({ interviewers: [], interviewees: ['Gaby Moreno'] })
  })

  it('stops a name at the end of its sentence, keeping initials', () => {
    expect(readRoleHints('We talked with Sergey Kanzhelev and Dawn Chen. Interviewed by Arpit Agrawal. The talk covers a lot.')).toEqual({
      interviewers: ['Arpit Agrawal'],
      interviewees: ['Sergey Kanzhelev', 'Dawn Chen'],
    })
    expect(readRoleHints('Interviewed by Michael J. Fox.').interviewers).toEqual(['Michael J. Fox'])
  })

  it('takes the verb only as a whole word', () => {
    expect(readRoleHints('Ann Lee reinterviews Bob Day.')).toEqual({ interviewers: [], interviewees: [] })
    // Chinese writes no spaces between words: the verb after a character still names its object.
    expect(readRoleHints('Ann Lee 𠀀采访了 Bob Day.')).toEqual({ interviewers: [], interviewees: ['Bob Day'] })
    expect(readRoleHints('Ann Lee interviews Bob Day.')).toEqual({ interviewers: ['Ann Lee'], interviewees: ['Bob Day'] })
  })

  it('reads "with X" phrases, CJK names and object-first languages', () => {
    expect(readRoleHints('Hablamos con Lucía Pérez sobre software.').interviewees).toEqual(['Lucía Pérez'])
    expect(readRoleHints('Die Redaktion im Gespräch mit Jonas Keller.')).toEqual({ interviewers: [], interviewees: ['Jonas Keller'] })
    expect(readRoleHints('Nesta entrevista com Carla Mendes, falamos de acessibilidade.').interviewees).toEqual(['Carla Mendes'])
    expect(readRoleHints('An interview with Karl Weiss.')).toEqual({ interviewers: [], interviewees: ['Karl Weiss'] })
    expect(readRoleHints('本刊记者采访了王芳。').interviewees).toEqual(['王芳'])
    expect(readRoleHints('今回は、山田花子さんにインタビューしました。').interviewees).toEqual(['山田花子'])
  })

  it('reads "questions to X": whoever the questions go to answers them', () => {
    expect(readRoleHints("Abbiamo rivolto qualche domanda a Federico Terzi: classe '96.").interviewees).toEqual(['Federico Terzi'])
    expect(readRoleHints('Le hicimos algunas preguntas a Ana Gómez.').interviewees).toEqual(['Ana Gómez'])
    expect(readRoleHints('Nous avons posé quelques questions à Élise Martin.').interviewees).toEqual(['Élise Martin'])
  })

  it('finds nothing in an intro without such a verb, and no pronoun as a name', () => {
    expect(readRoleHints('Kubernetes is a container orchestrator. It runs everywhere.')).toEqual({ interviewers: [], interviewees: [] })
    expect(readRoleHints('We talked with the chairs.').interviewers).toEqual([])
  })
})

describe('an answerer who introduces themself', () => {
  it.each([
    ['Selamlar, ben Mert Kahyaoğlu. Muğla doğumluyum.', 'Mert Kahyaoğlu'],
    ["Hi, I'm Michael McCune, and most people call me elmiko.", 'Michael McCune'],
    ['Hello! My name is Ana de Souza and I maintain the docs.', 'Ana de Souza'],
    ['Bonjour, je suis Élise Martin.', 'Élise Martin'],
    ['Привет! Меня зовут Иван Петров, я разработчик.', 'Иван Петров'],
  ])('%s → %s', (answer, name) => {
    expect(selfIntroduction(answer)).toBe(name)
  })

  it.each([
    ['a job title', 'Ich bin Senior Developer bei Acme.'],
    ['a first name alone', "Hi, I'm Michael."],
    ['a name said late in a long answer', `${'Well, that is a long story. '.repeat(8)}I'm Jo Doe.`],
    ['a nationality', 'I am Dutch, so…'],
  ])('names nobody from %s', (_, answer) => {
    expect(selfIntroduction(answer)).toBeNull()
  })
})
