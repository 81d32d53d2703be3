import { describe, expect, it } from 'vitest'
import {
  parseAspectRatio,
  parseBoolean,
  parseDuration,
  parseEnum,
  parseIntegerInRange,
  parseObject,
} from '../../src/inputs/parse.js'
import { splitPathList } from '../../src/workspace.js'

describe('parseBoolean', () => {
  it('accepts the YAML 1.2 core spellings and falls back when empty', () => {
    expect(parseBoolean('wait', 'true', false)).toBe(true)
    expect(parseBoolean('wait', 'FALSE', true)).toBe(false)
    expect(parseBoolean('wait', 'True', false)).toBe(true)
    expect(parseBoolean('wait', '', true)).toBe(true)
  })
  it.each(['yes', '1', 'on', 'tru'])('refuses %s naming the input', (raw) => {
    expect(() => parseBoolean('generate-audio', raw, false)).toThrow(
      /Input 'generate-audio': '.*' is not a boolean; use true or false/,
    )
  })
})

describe('parseIntegerInRange', () => {
  it('accepts the bounds', () => {
    expect(parseIntegerInRange('num-results', '1', 1, 100)).toBe(1)
    expect(parseIntegerInRange('num-results', '100', 1, 100)).toBe(100)
  })
  it.each([
    ['0', /out of range; use an integer from 1 to 100/],
    ['101', /out of range/],
    ['2.5', /not a whole number/],
    ['ten', /not a whole number/],
    ['-3', /not a whole number/],
  ])('refuses %s', (raw, message) => {
    expect(() => parseIntegerInRange('num-results', raw, 1, 100)).toThrow(message)
  })
})

describe('parseAspectRatio', () => {
  it('parses W:H into the API object and omits empty', () => {
    expect(parseAspectRatio('aspect-ratio', '16:9')).toEqual({ width: 16, height: 9 })
    expect(parseAspectRatio('aspect-ratio', ' 9 : 16 ')).toEqual({ width: 9, height: 16 })
    expect(parseAspectRatio('aspect-ratio', '')).toBeUndefined()
  })
  it.each(['wide', '16x9', '0:9', '-1:1', '16:9:1', '1.5:1'])('refuses %s', (raw) => {
    expect(() => parseAspectRatio('aspect-ratio', raw)).toThrow(/Input 'aspect-ratio': .* W:H with positive integers/)
  })
})

describe('parseEnum', () => {
  it('is case-insensitive and names the allowed values', () => {
    expect(parseEnum('watermark-mode', 'none', ['AUTO', 'VIDEO_GEN', 'NONE'], 'AUTO')).toBe('NONE')
    expect(() => parseEnum('watermark-mode', 'none?', ['AUTO', 'VIDEO_GEN', 'NONE'], 'AUTO')).toThrow(
      "Input 'watermark-mode': 'none?' is not one of AUTO, VIDEO_GEN, NONE",
    )
  })
})

describe('parseDuration', () => {
  it.each([
    ['90s', 90_000],
    ['20m', 1_200_000],
    ['1h', 3_600_000],
    ['1h30m', 5_400_000],
    [' 2m 30s ', 150_000],
  ])('%s → %d ms', (raw, ms) => expect(parseDuration('timeout', raw)).toBe(ms))
  it.each(['soon', '0', '0s', '600', '10 minutes', '-5m', '8d'])('refuses %s', (raw) => {
    expect(() => parseDuration('timeout', raw)).toThrow(/Input 'timeout'/)
  })
})

describe('parseObject', () => {
  it('reads JSON and YAML mappings', async () => {
    expect(await parseObject('params', '{"quality": "HIGH", "durationSeconds": 8}')).toEqual({
      quality: 'HIGH',
      durationSeconds: 8,
    })
    expect(await parseObject('params', 'quality: HIGH\ncontentPolicyConfig:\n  maxPromptRewrites: 2\n')).toEqual({
      quality: 'HIGH',
      contentPolicyConfig: { maxPromptRewrites: 2 },
    })
    expect(await parseObject('params', '')).toEqual({})
  })
  it.each([
    ['[1, 2]', /must be an object .* got an array/],
    ['42', /must be an object .* got a number/],
    ['just text', /must be an object .* got a string/],
    ['{"a": ', /neither valid JSON nor YAML/],
    ['a: 1\na: 2', /neither valid JSON nor YAML/],
  ])('refuses %s', async (raw, message) => {
    await expect(parseObject('params', raw)).rejects.toThrow(message)
  })
})

describe('splitPathList', () => {
  const none = async () => false
  it('splits on newlines and commas and drops blanks', async () => {
    expect(await splitPathList('a.png, b.png\n\n  c/*.jpg\n', none)).toEqual(['a.png', 'b.png', 'c/*.jpg'])
  })
  it('keeps commas inside braces, exclusions, and a line that names an existing file', async () => {
    expect(await splitPathList('docs/{hero,logo}.png\n!docs/draft-*.png', none)).toEqual([
      'docs/{hero,logo}.png',
      '!docs/draft-*.png',
    ])
    const exists = async (entry: string) => entry === 'art/a,b.png'
    expect(await splitPathList('art/a,b.png\nx.png, y.png', exists)).toEqual(['art/a,b.png', 'x.png', 'y.png'])
  })
})
