/**
 * What `<acct-organization>` shows, kept apart from how it shows it and what its buttons do
 * (organization.ts, organization-members.ts): the user's organizations and the one shown, its members and invitations,
 * kept current by polling while the page is visible, and the organization an invitation just
 * brought the user into. Not an element by itself.
 */
import { property, state } from 'lit/decorators.js';
import { Task, TaskStatus } from '@lit/task';
import type { ApiClient } from '../../core/api-client.js';
import { OnboardingElement } from '../../core/onboarding-element.js';
import type { Invitation, Member, Organization } from '../../../../contract/organizations.js';
import { Poller } from '../../core/poller.js';
import type { ChangeCause, SessionStore } from '../../core/session-store.js';
import { isAbort } from '../../core/webauthn.js';

export interface Details {
  members: Member[];
  /** Open invitations; empty for a plain member, who cannot see them. */
  invitations: Invitation[];
}

export class OrganizationData extends OnboardingElement {
  /** Which of the user's organizations to show; empty: the one the user picks, else their first. */
  @property({ attribute: 'organization-id' }) organizationId = '';

  /** Seconds between two reads of the members and invitations while the page is visible (2–60). */
  @property({ type: Number, attribute: 'poll-interval' }) pollInterval = 5;

  /** The organization the user picked among theirs. */
  @state() protected picked = '';
  /** The organization an invitation just brought the user into, for the welcome; null otherwise. */
  @state() protected joined: Organization | null = null;

  /** Whether this page's arrival from an invitation was looked at (once per page). */
  private arrivalChecked = false;
  /** A poll is running: a failed read then keeps what is shown instead of replacing it with an error. */
  private polling = false;

  protected readonly organizations: Task<readonly unknown[], Organization[] | undefined> = new Task(this, {
    task: async ([store, key], { signal }): Promise<Organization[] | undefined> => {
      if (!key) return undefined;
      const list = await this.keepOnPollFailure(this.organizations, async () => {
        const { organizations } = await (store as SessionStore).api.call('GET /api/organizations', {}, { signal });
        return organizations;
      });
      this.noticeArrival(store as SessionStore, list);
      return list;
    },
    args: () => [this.session.store, this.sessionKey] as const,
  });

  // Keyed by the organization's id and the user's role in it, not by the object, which every read
  // of the list replaces: a poll must not look like a change of organization.
  protected readonly details: Task<readonly unknown[], Details | undefined> = new Task(this, {
    task: async ([store, id, role], { signal }): Promise<Details | undefined> => {
      if (typeof id !== 'string') return undefined;
      const api = (store as SessionStore).api;
      return this.keepOnPollFailure(this.details, async () => {
        const [{ members }, { invitations }] = await Promise.all([
          api.call('GET /api/organizations/:id/members', { params: { id } }, { signal }),
          role === 'member'
            ? { invitations: [] }
            : api.call('GET /api/organizations/:id/invitations', { params: { id } }, { signal }),
        ]);
        return { members, invitations };
      });
    },
    args: () => [this.session.store, this.active?.id, this.active?.role] as const,
  });

  constructor() {
    super();
    new Poller(
      this,
      () => Math.min(60, Math.max(2, this.pollInterval || 5)) * 1000,
      () => this.poll(),
      () => this.sessionKey !== null && this.organizations.status === TaskStatus.COMPLETE,
    );
  }

  /** The page's API client, with its session (cookie or bearer). */
  protected get api(): ApiClient {
    return this.session.store.api;
  }

  /** The organization shown: the attribute's, else the picked one, else the first. */
  protected get active(): Organization | undefined {
    const list = this.organizations.value ?? [];
    return (
      list.find((org) => org.id === (this.organizationId || this.picked)) ?? (this.organizationId ? undefined : list[0])
    );
  }

  /** Reads the organizations again, then the members and invitations of the one shown. */
  protected async reload(): Promise<void> {
    await this.organizations.run();
    await this.details.run();
  }

  protected override sessionChanged(cause: ChangeCause): void {
    // Someone else signed in or out: a welcome to the previous user no longer applies.
    if (cause !== 'refresh' && cause !== 'exchange') this.joined = null;
  }

  /** What the poller does every `poll-interval` seconds: someone joined, left, or was invited elsewhere. */
  private async poll(): Promise<void> {
    this.polling = true;
    try {
      await this.reload();
    } finally {
      this.polling = false;
    }
  }

  /** During a poll, a failed read answers what is already shown (the next poll tries again); otherwise it fails. */
  private async keepOnPollFailure<T>(
    task: Task<readonly unknown[], T | undefined>,
    read: () => Promise<T>,
  ): Promise<T> {
    try {
      return await read();
    } catch (error) {
      if (this.polling && task.value !== undefined && !isAbort(error)) return task.value;
      throw error;
    }
  }

  /**
   * Once per page: when the page was opened by accepting an invitation (the session store took the
   * hand-over code, flow `invitation`), the organization joined last is the one to welcome the
   * user to, and to show.
   */
  private noticeArrival(store: SessionStore, list: Organization[]): void {
    if (this.arrivalChecked) return;
    this.arrivalChecked = true;
    const arrival = store.returnedFrom;
    if (arrival?.flow !== 'invitation' || arrival.error || !list.length) return;
    const joined = list.reduce((newest, org) =>
      Date.parse(org.joinedAt) > Date.parse(newest.joinedAt) ? org : newest,
    );
    this.joined = joined;
    if (!this.organizationId) this.picked = joined.id;
    this.announcement = this.t.organization.joined(joined.name);
  }
}
