/**
 * Arabic, `<acct-connected-apps>`'s section of the Arabic string set (ar.ts puts it together), and
 * the connected-app error messages. Typed from the English, so a key missing here fails the build.
 */
import type { ConnectedAppSections, connectedAppErrorsEn } from './en-connected-apps.js';

export const connectedAppsAr: ConnectedAppSections = {
  connectedApps: {
    title: 'التطبيقات المتصلة',
    intro: 'تطبيقات تعمل معها مؤسستك. ربط أحدها يتيح له العمل باسم المؤسسة كلها.',
    noOrganization: 'أنشئ مؤسسة أولًا: التطبيقات تُربط بمؤسسة.',
    availableTitle: 'التطبيقات المتاحة',
    connectedTitle: 'متصلة',
    empty: 'لم يُربط أي تطبيق بعد.',
    noneAvailable: 'لا يقدّم هذا الموقع أي تطبيق.',
    connect: 'ربط',
    connectLabel: (name) => `ربط ${name}`,
    reconnect: 'إعادة الربط',
    reconnectLabel: (name) => `إعادة الربط: ${name}`,
    connectedBy: (who, when) => `ربطه ${who} ${when}`,
    connectedByUnknown: (when) => `رُبط ${when} بواسطة عضو سابق`,
    lastSync: (when) => `آخر مزامنة ${when}`,
    account: (id) => `الحساب ${id}`,
    disconnect: 'فصل',
    disconnectLabel: (name) => `فصل ${name}`,
    confirmDisconnect: (name) => `فصل ${name}؟ سيفقد الوصول إلى مؤسستك حتى يربطه أحد مرة أخرى.`,
    confirm: 'نعم، افصل',
    cancel: 'إلغاء',
    connected: (name) => `رُبط ${name}.`,
    disconnected: (name) => `فُصل ${name}.`,
    adminsOnly: 'لا يستطيع ربط التطبيقات أو فصلها إلا مالكو المؤسسة ومسؤولوها.',
    signedOut: 'سجّل الدخول لرؤية تطبيقات مؤسستك.',
    loadFailed: 'تعذّر تحميل التطبيقات المتصلة.',
  },
};

export const connectedAppErrorsAr: typeof connectedAppErrorsEn = {
  unknown_app: 'هذا التطبيق غير متاح هنا.',
  connect_attempt_invalid: 'محاولة الربط هذه غير معروفة، أو انتهت صلاحيتها، أو بدأت في مكان آخر. ابدأ من جديد.',
  connect_refused: 'لم يمنح التطبيق الوصول. حاول مرة أخرى.',
  connect_failed: 'تعذّر الوصول إلى التطبيق أو كان رده غير صالح. حاول مرة أخرى لاحقًا.',
};

/** The area as the registry fetches it (chunks.ts): its sections, its codes’ messages under `errors`. */
export default { ...connectedAppsAr, errors: connectedAppErrorsAr };
