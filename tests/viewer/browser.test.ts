import { describe, expect, it } from 'vitest';
import { browserMissing } from './browser.ts';

describe('finding the browser for the viewer tests', () => {
  it('fails in CI when Chromium is missing, so the browser tests cannot be skipped there', () => {
    expect(() => browserMissing('/nonexistent/chromium', true)).toThrow(/missing in CI.*install-browser\.sh/);
  });
  it('skips with the reason outside CI', () => {
    expect(browserMissing('/nonexistent/chromium', false)).toMatch(/not found: the viewer's browser tests are skipped/);
  });
  it('runs when the browser is there', () => {
    expect(browserMissing(process.execPath, true)).toBeNull();
  });
});
