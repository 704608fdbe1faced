/**
 * The draft saver on its own, with a recording `send` in place of the server (the element's tests,
 * onboarding-drafts.test.ts, use the real one): nothing is sent while the user types, one save
 * once they pause, an immediate keepalive save when the page is left or the element removed,
 * nothing after a discard, and an action waits for a save in flight.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { LitElement } from 'lit';
import { DraftSaver, type Draft } from './draft-saver.js';

class DraftHost extends LitElement {}
customElements.define('draft-host', DraftHost);

interface Sent {
  draft: Draft;
  keepalive: boolean;
}

/** A saver on a host in the page, whose drafts read `value` when they are saved. */
async function saver({
  delay = 50,
  answer = () => Promise.resolve(),
}: { delay?: number; answer?: () => Promise<unknown> } = {}) {
  const host = await fixture<DraftHost>(html`<draft-host></draft-host>`);
  const sent: Sent[] = [];
  const state = { value: '' };
  const drafts = new DraftSaver(
    host,
    () => (state.value ? { step: 'profile', data: { bio: state.value } } : undefined),
    (draft, keepalive) => {
      sent.push({ draft, keepalive });
      return answer();
    },
    delay,
  );
  return { host, drafts, sent, state };
}

describe('DraftSaver', () => {
  it('saves once typing pauses, with what the form says then', async () => {
    const { drafts, sent, state } = await saver({ delay: 100 });
    for (const value of ['P', 'Pr', 'Pro']) {
      state.value = value;
      drafts.edited();
    }
    expect(sent, 'nothing while typing').to.have.length(0);
    await waitUntil(() => sent.length === 1, 'no save after the pause');
    expect(sent[0]).to.deep.equal({ draft: { step: 'profile', data: { bio: 'Pro' } }, keepalive: false });
  });

  it('saves at once, with keepalive, when the page is left or the element removed', async () => {
    const { host, drafts, sent, state } = await saver({ delay: 60_000 });
    state.value = 'Leaving';
    drafts.edited();
    window.dispatchEvent(new PageTransitionEvent('pagehide'));
    expect(sent).to.deep.equal([{ draft: { step: 'profile', data: { bio: 'Leaving' } }, keepalive: true }]);

    state.value = 'Removed';
    drafts.edited();
    host.remove();
    expect(sent.at(-1)).to.deep.equal({ draft: { step: 'profile', data: { bio: 'Removed' } }, keepalive: true });
    window.dispatchEvent(new PageTransitionEvent('pagehide'));
    expect(sent, 'a removed element listens no more, and nothing was left unsaved').to.have.length(2);
  });

  it('sends nothing unchanged, nothing the form cannot give, and nothing after a discard', async () => {
    const { drafts, sent, state } = await saver({ delay: 60_000 });
    await drafts.flush();
    drafts.edited();
    await drafts.flush();
    state.value = 'Typed';
    drafts.edited();
    await drafts.discard();
    window.dispatchEvent(new PageTransitionEvent('pagehide'));
    expect(sent).to.have.length(0);
  });

  it('lets an action wait for the save in flight', async () => {
    let release: () => void = () => undefined;
    const { drafts, sent, state } = await saver({
      delay: 60_000,
      answer: () => new Promise<void>((resolve) => (release = resolve)),
    });
    state.value = 'Slow';
    drafts.edited();
    void drafts.flush();
    let discarded = false;
    const waiting = drafts.discard().then(() => (discarded = true));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(sent).to.have.length(1);
    expect(discarded, 'the action went ahead of the save').to.equal(false);
    release();
    await waiting;
    expect(discarded).to.equal(true);
  });
});
