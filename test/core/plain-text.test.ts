import { plainLine } from '../../src/core/plain-text';

describe('CRM text as a plain line', () => {
  it('given a colour and a line break in a name, then the name stays and they go', () => {
    expect(plainLine('\u001b[31mRiley\r\nRep\u001b[0m')).toBe('Riley Rep');
  });

  it('given a window title (OSC, ended by BEL or ST), then the whole sequence goes', () => {
    expect(plainLine('\u001b]0;owned\u0007Dana')).toBe('Dana');
    expect(plainLine('\u001b]8;;https://evil.example\u001b\\Dana\u001b]8;;\u001b\\')).toBe('Dana');
  });

  it('given 8-bit controls (C1 CSI), a terminal reset and a lone ESC, then none is left', () => {
    expect(plainLine('\u009b2JDana \u001bcReyes\u001b')).toBe('Dana Reyes');
  });

  it('given tabs, other C0 controls, DEL and a bidirectional override, then breaks are spaces and the rest go', () => {
    expect(plainLine('Dana\tRe\u0000y\u007fes \u202eliam')).toBe('Dana Reyes liam');
  });

  it('given plain text with accents, punctuation and an emoji, then it is kept as it is', () => {
    expect(plainLine("José O'Brien-Núñez [BDC] 🚗")).toBe("José O'Brien-Núñez [BDC] 🚗");
  });
});
