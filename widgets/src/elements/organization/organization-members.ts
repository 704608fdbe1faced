/**
 * What `<acct-organization>`'s member rows do (organization.ts shows them, members-view.ts draws
 * them): an owner changes a member's role; an owner or admin removes a member, and anyone leaves,
 * each after a confirmation that takes focus and gives it back. Not an element by itself.
 */
import { state } from 'lit/decorators.js';
import type { Member, OrganizationRole } from '../../../../contract/organizations.js';
import type { ChangeCause } from '../../core/session-store.js';
import { LEAVING, memberName, type MemberHandlers } from './members-view.js';
import { OrganizationData } from './organization-data.js';

export abstract class OrganizationMembers extends OrganizationData {
  /** The member whose removal is being confirmed, `LEAVING`, or null. */
  @state() protected confirming: string | null = null;

  protected override sessionChanged(cause: ChangeCause): void {
    super.sessionChanged(cause);
    if (cause !== 'refresh' && cause !== 'exchange') this.confirming = null;
  }

  protected readonly memberHandlers: MemberHandlers = {
    changeRole: (event: Event): void => void this.changeRole(event),
    askRemove: (event: Event): void => void this.ask((event.currentTarget as HTMLElement).dataset.id ?? null),
    askLeave: (): void => void this.ask(LEAVING),
    confirmRemove: (event: Event): void => void this.removeMember(event),
    confirmLeave: (): void => void this.leave(),
    cancel: (): void => void this.cancelConfirm(),
    confirmKeydown: (event: KeyboardEvent): void => {
      if (event.key !== 'Escape') return;
      event.stopPropagation();
      void this.cancelConfirm();
    },
  };

  private async changeRole(event: Event): Promise<void> {
    const select = event.currentTarget as HTMLSelectElement;
    const org = this.active;
    const member = this.memberWithId(select.dataset.id);
    const role = select.value as OrganizationRole;
    if (!org || !member || role === member.role) return;
    // Busy with another action: the select goes back to what is true.
    if (this.busy) return void (select.value = member.role);
    const done = await this.attempt(async () => {
      const params = { id: org.id, userId: member.userId };
      const { member: changed } = await this.api.call('PATCH /api/organizations/:id/members/:userId', {
        params,
        body: { role },
      });
      await this.reload();
      this.emit('acct-member-role-changed', { organizationId: org.id, member: changed, previousRole: member.role });
      this.announcement = this.t.organization.roleChanged(
        memberName(changed),
        this.t.roles[changed.role] ?? changed.role,
      );
    });
    if (!done) select.value = member.role;
  }

  /** Opens a confirmation and puts focus on its least harmful choice, as in an alert dialog (WAI-ARIA APG). */
  private async ask(what: string | null): Promise<void> {
    if (this.busy) return;
    this.confirming = what;
    this.actionError = '';
    await this.focusAfterUpdate('.confirm .cancel');
  }

  private async cancelConfirm(): Promise<void> {
    const what = this.confirming;
    this.confirming = null;
    // Back to the button that opened it.
    await this.focusAfterUpdate(
      what === LEAVING ? '[part~="leave-button"]' : `[part~="remove-button"][data-id="${what}"]`,
    );
  }

  private async removeMember(event: Event): Promise<void> {
    const org = this.active;
    const member = this.memberWithId((event.currentTarget as HTMLElement).dataset.id);
    if (!org || !member) return;
    await this.attempt(async () => {
      await this.api.call('DELETE /api/organizations/:id/members/:userId', {
        params: { id: org.id, userId: member.userId },
      });
      this.confirming = null;
      await this.reload();
      this.emit('acct-member-removed', { organizationId: org.id, member });
      this.announcement = this.t.organization.removed(memberName(member));
      // The row is gone: focus goes to the list's heading.
      await this.focusAfterUpdate('h2');
    });
  }

  private async leave(): Promise<void> {
    const org = this.active;
    if (!org) return;
    await this.attempt(async () => {
      await this.api.call('POST /api/organizations/:id/leave', { params: { id: org.id } });
      this.confirming = null;
      this.joined = null;
      this.picked = '';
      await this.organizations.run();
      this.emit('acct-organization-left', { organization: org });
      this.announcement = this.t.organization.left(org.name);
      await this.focusAfterUpdate('h2');
    });
  }

  private memberWithId(id: string | undefined): Member | undefined {
    return this.details.value?.members.find((m) => m.userId === id);
  }
}
