/**
 * What `<acct-organization>`'s member rows do (organization.ts shows them, members-view.ts draws
 * them): an owner changes a member's role; an owner or admin removes a member, and anyone leaves,
 * each after a confirmation that takes focus and gives it back. Not an element by itself.
 */
import type { Member, OrganizationRole } from '../../../../contract/organizations.js';
import { InlineConfirmation } from '../../core/inline-confirmation.js';
import type { ChangeCause } from '../../core/session-store.js';
import { LEAVING, memberName, type MemberHandlers } from './members-view.js';
import { OrganizationData } from './organization-data.js';

export abstract class OrganizationMembers extends OrganizationData {
  /** The member whose removal is being confirmed, or `LEAVING`. */
  protected readonly confirmation = new InlineConfirmation(this, {
    opener: (what) => (what === LEAVING ? '[part~="leave-button"]' : `[part~="remove-button"][data-id="${what}"]`),
    opening: () => {
      this.actionError = '';
    },
  });

  protected override sessionChanged(cause: ChangeCause): void {
    super.sessionChanged(cause);
    if (cause !== 'refresh' && cause !== 'exchange') this.confirmation.close();
  }

  protected readonly memberHandlers: MemberHandlers = {
    changeRole: (event: Event): void => void this.changeRole(event),
    // Not while an action is in flight: its outcome could make the question moot.
    askRemove: (event: Event): void => {
      if (!this.busy) this.confirmation.ask(event);
    },
    askLeave: (): void => {
      if (!this.busy) void this.confirmation.show(LEAVING);
    },
    confirmRemove: (event: Event): void => void this.removeMember(event),
    confirmLeave: (): void => void this.leave(),
    cancel: this.confirmation.cancel,
    confirmKeydown: this.confirmation.keydown,
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

  private async removeMember(event: Event): Promise<void> {
    const org = this.active;
    const member = this.memberWithId((event.currentTarget as HTMLElement).dataset.id);
    if (!org || !member) return;
    await this.attempt(async () => {
      await this.api.call('DELETE /api/organizations/:id/members/:userId', {
        params: { id: org.id, userId: member.userId },
      });
      this.confirmation.close();
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
      this.confirmation.close();
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
