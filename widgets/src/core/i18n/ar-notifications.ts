/**
 * Arabic, the notification elements' sections of the Arabic string set (ar.ts puts it together).
 * Typed as `NotificationSections`, so a key added to en-notifications.ts and missing here fails
 * the build.
 */
import type { NotificationSections, notificationsErrorsEn } from './en-notifications.js';
import { plural } from './plural.js';

export const notificationsAr: NotificationSections = {
  notificationsBell: {
    label: (unread) =>
      unread === 0
        ? 'الإشعارات'
        : `الإشعارات، ${plural('ar', unread, {
            // With the digit, as the bell shows it: the accessible name holds the visible text.
            one: '# إشعار غير مقروء',
            two: '# إشعار غير مقروء',
            few: '# إشعارات غير مقروءة',
            many: '# إشعارًا غير مقروء',
            other: '# إشعار غير مقروء',
          })}`,
    title: 'الإشعارات',
    empty: 'ليس لديك إشعارات.',
    markRead: 'تعليم كمقروء',
    markReadLabel: (title) => `تعليم كمقروء: ${title}`,
    markAllRead: 'تعليم الكل كمقروء',
    unread: 'غير مقروء',
    more: 'عرض الأقدم',
    signedOut: 'سجّل الدخول لرؤية إشعاراتك.',
    loadFailed: 'تعذّر تحميل إشعاراتك.',
  },
  notificationSettings: {
    title: 'الإشعارات',
    intro: 'اختر كيف تعرف بكل نوع من الأحداث.',
    categories: {
      security: 'الأمان',
      activity: 'النشاط',
      updates: 'التحديثات',
      marketing: 'الأخبار والعروض',
    },
    events: {
      passkey_added: 'إضافة مفتاح مرور إلى حسابك',
      passkey_removed: 'إزالة مفتاح مرور من حسابك',
      mfa_changed: 'تفعيل التحقق بخطوتين أو إيقافه',
      recovery_code_used: 'استخدام رمز استرداد لتسجيل الدخول',
      email_changed: 'تغيير بريدك الإلكتروني',
      organization_created: 'إنشاء مؤسسة',
      organization_invitation_sent: 'إرسال دعوة',
      app_connected: 'ربط تطبيق',
      onboarding_completed: 'اكتمال إعداد حسابك',
    },
    locked: 'إشعارات الأمان مفعّلة دائمًا: فهي تنبّهك عندما قد يستخدم شخص آخر حسابك.',
    pushUnavailable: 'لا يستطيع هذا المتصفح تلقي الإشعارات الفورية.',
    pushDenied: 'لم يسمح هذا المتصفح بالإشعارات: اسمح بها في إعدادات الموقع، ثم حاول مرة أخرى.',
    pushDevicesTitle: 'الأجهزة التي تتلقى الإشعارات الفورية',
    pushDevicesEmpty: 'لا يتلقى أي متصفح إشعارات فورية من حسابك بعد.',
    pushDeviceAdded: (date) => `أُضيف في ${date}`,
    removePushDevice: 'إزالة',
    removePushDeviceLabel: (device) => `إزالة ${device} من الإشعارات الفورية`,
    pushDeviceRemoved: (device) => `لم يعد ${device} يتلقى الإشعارات الفورية.`,
    saved: 'حُفظ.',
    saveFailed: 'تعذّر حفظ التغيير؛ وتم التراجع عنه.',
    quietIntro: 'باستثناء تنبيهات الأمان، تنتظر الإشعارات حتى تنتهي ساعات الهدوء.',
    signedOut: 'سجّل الدخول لاختيار إشعاراتك.',
    loadFailed: 'تعذّر تحميل إعدادات الإشعارات.',
  },
};

export const notificationsErrorsAr: typeof notificationsErrorsEn = {
  notification_locked: 'لا يمكن إيقاف إشعارات الأمان.',
  unknown_event_type: 'هذا النوع من الإشعارات غير معروف على هذا الخادم.',
  site_notifications_disabled: 'إشعارات الموقع معطّلة على هذا الخادم.',
  push_endpoint_not_allowed: 'لا يمكن استخدام خدمة إشعارات هذا المتصفح هنا. جرّب متصفحًا آخر.',
};

/** The area as the registry fetches it (chunks.ts): its sections, its codes’ messages under `errors`. */
export default { ...notificationsAr, errors: notificationsErrorsAr };
