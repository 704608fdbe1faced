/**
 * Arabic (Modern Standard Arabic), for emails and hosted pages, written right to left: `$dir` is
 * `rtl`, which the mails and pages put on `<html dir>`. Typed as `Messages`, so a key added to
 * en.ts and missing here fails the type check. Counts take Arabic's plural forms through
 * Intl.PluralRules (`plural()`); digits are Western (0–9), as in the elements
 * (widgets/src/core/i18n/ar.ts).
 */
import type { Messages } from './en';

/** The form of `forms` that Arabic's plural rules choose for `count`; `#` stands for the number. */
function plural(count: number, forms: Partial<Record<Intl.LDMLPluralRule, string>> & { other: string }): string {
  return (forms[new Intl.PluralRules('ar').select(count)] ?? forms.other).replaceAll('#', String(count));
}

export const ar: Messages = {
  $lang: 'ar',
  $dir: 'rtl',

  notifications: {
    organizationCreated: (name) => `أُنشئت المؤسسة «${name}»`,
    appConnected: (provider) => `رُبط ${provider} بمؤسستك`,
    onboardingCompleted: (product) => `اكتمل إعداد حسابك في ${product}`,
  },

  mail: {
    signature: (product) => `— فريق ${product}`,
    buttonFallback: 'إذا لم يعمل الزر، الصق هذا العنوان في متصفحك:',

    verifyEmail: {
      subject: (product) => `أكّد بريدك الإلكتروني لدى ${product}`,
      intro: (product) => `مرحبًا بك في ${product}! أكّد أن هذا هو بريدك الإلكتروني لإكمال إنشاء حسابك.`,
      action: 'تأكيد بريدي الإلكتروني',
      footer: 'يعمل الرابط مرة واحدة وتنتهي صلاحيته خلال 24 ساعة. إذا لم تكن قد سجّلت، فتجاهل هذه الرسالة.',
    },

    accountExists: {
      subject: (product) => `لديك حساب في ${product} بالفعل`,
      intro: (product) =>
        `حاول شخص ما (نأمل أن تكون أنت) إنشاء حساب في ${product} بهذا البريد الإلكتروني، لكن لديه حساب بالفعل.`,
      forgot: 'إذا نسيت كلمة المرور، يمكنك اختيار كلمة جديدة.',
      action: 'إعادة تعيين كلمة المرور',
      footer: 'إذا لم تكن أنت، فتجاهل هذه الرسالة: لم يتغيّر شيء.',
    },

    resetPassword: {
      subject: (product) => `إعادة تعيين كلمة المرور في ${product}`,
      intro: (product) => `تلقّينا طلبًا لإعادة تعيين كلمة مرور حسابك في ${product}.`,
      action: 'اختيار كلمة مرور جديدة',
      footer: 'يعمل الرابط مرة واحدة وتنتهي صلاحيته خلال 30 دقيقة. إذا لم تطلبه، فتجاهل هذه الرسالة.',
    },

    notification: {
      action: 'فتح',
      footer: (product) => `يمكنك اختيار الإشعارات التي يرسلها إليك ${product} من إعدادات الإشعارات.`,
    },

    notificationDigest: {
      subject: (product, count, daily) =>
        `ملخّصك ${daily ? 'اليومي' : 'الأسبوعي'} من ${product}: ${plural(count, {
          one: 'إشعار واحد',
          two: 'إشعاران',
          few: '# إشعارات',
          many: '# إشعارًا',
          other: '# إشعار',
        })}`,
      intro: (product, daily) => `إليك ما حدث في ${product} منذ ملخّصك ${daily ? 'اليومي' : 'الأسبوعي'} الأخير:`,
    },

    passwordChanged: {
      subject: (product) => `تغيّرت كلمة مرورك في ${product}`,
      intro: (product) => `تغيّرت للتو كلمة مرور حسابك في ${product}، وسُجّل خروج كل الأجهزة الأخرى.`,
      advice: 'إذا لم تكن أنت، فأعد تعيين كلمة المرور فورًا.',
    },

    magicLink: {
      subject: (product) => `تسجيل الدخول إلى ${product}`,
      intro: (product) => `استخدم هذا الرابط لتسجيل الدخول إلى ${product}. لا حاجة إلى كلمة مرور.`,
      action: (product) => `تسجيل الدخول إلى ${product}`,
      footer: (minutes) =>
        `يعمل الرابط مرة واحدة وتنتهي صلاحيته خلال ${plural(minutes, {
          one: 'دقيقة واحدة',
          two: 'دقيقتين',
          few: '# دقائق',
          many: '# دقيقة',
          other: '# دقيقة',
        })}. إذا لم تطلبه، فتجاهل هذه الرسالة: لا يمكن لأحد تسجيل الدخول من دونه.`,
    },

    newPasskey: {
      subject: (product) => `أُضيف مفتاح مرور إلى حسابك في ${product}`,
      intro: (product, name) =>
        name === null
          ? `يمكن الآن استخدام مفتاح مرور جديد لتسجيل الدخول إلى حسابك في ${product}.`
          : `يمكن الآن استخدام مفتاح مرور جديد، «${name}»، لتسجيل الدخول إلى حسابك في ${product}.`,
      advice: 'إذا لم تكن أنت، فأزِله من إعدادات حسابك وغيّر كلمة المرور فورًا.',
    },

    passkeyRemoved: {
      subject: (product) => `أُزيل مفتاح مرور من حسابك في ${product}`,
      intro: (product, name) =>
        name === null
          ? `لم يعد من الممكن استخدام مفتاح مرور لتسجيل الدخول إلى حسابك في ${product}.`
          : `لم يعد من الممكن استخدام مفتاح المرور «${name}» لتسجيل الدخول إلى حسابك في ${product}.`,
      advice: 'إذا لم تكن أنت، فغيّر كلمة المرور فورًا وراجع مفاتيح المرور والجلسات في حسابك.',
    },

    recoveryCodeUsed: {
      subject: (product) => `استُخدم رمز استرداد لتسجيل الدخول إلى حسابك في ${product}`,
      intro: (product) => `سجّل شخص ما الدخول إلى حسابك في ${product} بأحد رموز الاسترداد الخاصة بك.`,
      remaining: (count) =>
        plural(count, {
          zero: 'لم يتبقَّ أي رمز استرداد.',
          one: 'تبقّى رمز استرداد واحد.',
          two: 'تبقّى رمزا استرداد.',
          few: 'تبقّت # رموز استرداد.',
          many: 'تبقّى # رمزًا للاسترداد.',
          other: 'تبقّى # رمز استرداد.',
        }),
      fewLeft: 'تبقّت رموز قليلة: أنشئ مجموعة جديدة من إعدادات الأمان في حسابك.',
      advice: 'إذا لم تكن أنت، فغيّر كلمة المرور فورًا وأنشئ رموز استرداد جديدة.',
    },

    mfaChanged: {
      enabledSubject: (product) => `التحقق بخطوتين مفعّل لحسابك في ${product}`,
      disabledSubject: (product) => `أُوقف التحقق بخطوتين لحسابك في ${product}`,
      enabled: (product) => `أصبح تسجيل الدخول إلى حسابك في ${product} يطلب أيضًا رمزًا من تطبيق المصادقة لديك.`,
      disabled: (product) => `لم يعد تسجيل الدخول إلى حسابك في ${product} يطلب رمزًا من تطبيق مصادقة.`,
      advice: 'إذا لم تكن أنت، فغيّر كلمة المرور فورًا وراجع إعدادات الأمان في حسابك.',
    },

    organizationInvitation: {
      subject: (organization, product) => `انضم إلى ${organization} في ${product}`,
      intro: (inviter, organization, product) => `دعاك ${inviter} للانضمام إلى ${organization} في ${product}.`,
      action: (organization) => `الانضمام إلى ${organization}`,
      footer: (days) =>
        `تعمل الدعوة مرة واحدة وتنتهي صلاحيتها خلال ${plural(days, {
          one: 'يوم واحد',
          two: 'يومين',
          few: '# أيام',
          many: '# يومًا',
          other: '# يوم',
        })}. إذا لم تكن تتوقعها، فتجاهل هذه الرسالة: لا يحدث شيء من دون الزر.`,
    },

    newDevice: {
      subject: (product) => `تسجيل دخول جديد إلى ${product}`,
      intro: (product) => `استُخدم حسابك في ${product} للتو لتسجيل الدخول من جهاز لم نره من قبل:`,
      advice: 'إذا كنت أنت، فلا حاجة إلى فعل شيء. وإلا، فغيّر كلمة المرور وسجّل خروج الأجهزة الأخرى من إعدادات حسابك.',
      kind: { desktop: 'حاسوب', mobile: 'هاتف', tablet: 'جهاز لوحي' },
      browserOn: (browser, os) => `${browser} على ${os}`,
      unknownPlace: 'مكان غير معروف',
    },

    dataExportReady: {
      subject: (product) => `تصدير بياناتك من ${product} جاهز`,
      intro: (product) => `نسخة بيانات حسابك في ${product} التي طلبتها جاهزة.`,
      action: 'تنزيل بياناتي',
      footer: (until) =>
        `لا يعمل الرابط إلا وأنت مسجّل الدخول إلى حسابك، حتى ${until} بالتوقيت العالمي. إذا لم تطلب هذا التصدير، فغيّر كلمة المرور.`,
    },
    webhookDisabled: {
      subject: (product) => `عُطّلت نقطة نهاية لخطاف ويب في ${product}`,
      intro: (organization, url, failures) =>
        `أخفقت نقطة نهاية خطاف الويب ${url} التابعة لـ ${organization} ${plural(failures, {
          one: 'مرة واحدة',
          two: 'مرتين',
          few: '# مرات',
          many: '# مرة',
          other: '# مرة',
        })} على التوالي، لذا لم تعد تتلقى الأحداث.`,
      advice: 'أصلح نقطة النهاية، ثم أعد تفعيلها من صفحة خطافات الويب الخاصة بالمؤسسة؛ يُظهر سجلّ تسليماتها بماذا أجابت.',
    },
    emailChangeConfirm: {
      subject: (product) => `أكّد بريدك الإلكتروني الجديد لدى ${product}`,
      intro: (product) => `طلبت استخدام هذا العنوان لحسابك في ${product}. أكّده لإتمام التغيير.`,
      action: 'تأكيد بريدي الجديد',
      footer: 'يعمل الرابط مرة واحدة وتنتهي صلاحيته خلال 24 ساعة. إذا لم تطلب ذلك، فتجاهل هذه الرسالة.',
    },
    emailChangeTaken: {
      subject: (product) => `بريدك الإلكتروني و${product}`,
      intro: (product) =>
        `طلب شخص ما (نأمل أن تكون أنت) استخدام هذا العنوان لحساب في ${product}، لكنه ينتمي بالفعل إلى حساب. لم يتغيّر شيء.`,
      advice: 'إذا أردت استخدام هذا العنوان هناك، فغيّر أولًا عنوان الحساب الذي ينتمي إليه.',
    },
    emailChanged: {
      subject: (product) => `تغيّر بريدك الإلكتروني في ${product}`,
      intro: (product, newEmail) => `تغيّر البريد الإلكتروني لحسابك في ${product} إلى ${newEmail}.`,
      advice: 'إذا كنت أنت، فلا حاجة إلى فعل شيء. وإلا، فتراجع عن التغيير: يعود عنوانك ويُسجَّل خروج كل الأجهزة.',
      action: 'التراجع عن التغيير',
      footer: 'يعمل الرابط مرة واحدة وتنتهي صلاحيته خلال 72 ساعة.',
    },
    deletionRequested: {
      subject: (product) => `حذف حسابك في ${product} مجدول`,
      intro: (product, date) => `طلبت منا حذف حسابك في ${product}. سيُحذف نهائيًا في ${date} بكل ما فيه.`,
      signedOut:
        'سُجّل خروج كل الأجهزة. حتى ذلك التاريخ يمكنك تسجيل الدخول مرة أخرى وإلغاء الحذف، أو استخدام هذا الرابط:',
      action: 'إلغاء الحذف',
      footer: 'إذا لم تطلب ذلك، فألغِ الحذف الآن وغيّر كلمة المرور.',
    },

    deletionCancelled: {
      subject: (product) => `لن يُحذف حسابك في ${product}`,
      intro: (product) => `أُلغي حذف حسابك في ${product}. لم يُحذف شيء.`,
    },

    accountDeleted: {
      subject: (product) => `حُذف حسابك في ${product}`,
      intro: (product) =>
        `حُذف حسابك في ${product} وبياناته كما طلبت. المؤسسات التي كنت تملكها وحدك انتقلت إلى أقدم مسؤول أو عضو فيها، أو حُذفت مع الحساب حين لم يكن فيها أحد غيرك.`,
      goodbye: 'شكرًا لاستخدامك له. هذه آخر رسالة تصلك منا.',
    },
  },

  pages: {
    emailChange: {
      title: 'تأكيد بريدك الإلكتروني الجديد',
      intro: (email) => `اضغط الزر لجعل ${email} البريد الإلكتروني لحسابك.`,
      action: 'تأكيد بريدي الجديد',
      doneTitle: 'تغيّر البريد الإلكتروني',
      done: (email, product) => `أصبح ${email} بريدك الإلكتروني الآن. يمكنك العودة إلى ${product}.`,
      takenTitle: 'لم يتغيّر البريد الإلكتروني',
      taken: 'يستخدم حساب آخر هذا البريد الإلكتروني الآن، فلا يمكن أن يكون لك أيضًا. لم يتغيّر شيء.',
    },
    emailChangeUndo: {
      title: 'التراجع عن تغيير البريد الإلكتروني',
      intro: (email) => `اضغط الزر ليعود ${email} البريد الإلكتروني لحسابك. سيُسجَّل خروج كل جهاز مسجّل الدخول إلى الحساب.`,
      action: 'التراجع عن التغيير',
      doneTitle: 'تم التراجع عن تغيير البريد الإلكتروني',
      done: (email, product) =>
        `عاد ${email} بريدك الإلكتروني، وسُجّل خروج كل الأجهزة. إذا لم تغيّره بنفسك، فسجّل الدخول إلى ${product} مرة أخرى واختر كلمة مرور جديدة.`,
      takenTitle: 'لم يتم التراجع عن تغيير البريد الإلكتروني',
      taken: 'يستخدم حساب آخر هذا البريد الإلكتروني الآن، فلا يمكن إعادته. لم يتغيّر شيء.',
    },
    verifyEmail: {
      title: 'تأكيد بريدك الإلكتروني',
      intro: (product) => `اضغط الزر لتأكيد بريدك الإلكتروني وإكمال إعداد حسابك في ${product}.`,
      action: 'تأكيد بريدي الإلكتروني',
      doneTitle: 'تم تأكيد البريد الإلكتروني',
      done: (product) => `شكرًا. يمكنك الآن العودة إلى ${product} وتسجيل الدخول.`,
    },

    cancelDeletion: {
      title: 'إلغاء حذف حسابك',
      intro: (product, date) => `حذف حسابك في ${product} مجدول في ${date}. اضغط الزر للاحتفاظ به.`,
      action: 'الاحتفاظ بحسابي',
      doneTitle: 'أُلغي الحذف',
      done: (product) => `لن يُحذف حسابك. يمكنك تسجيل الدخول إلى ${product} مرة أخرى.`,
    },

    magicLink: {
      title: (product) => `متابعة تسجيل الدخول إلى ${product}`,
      intro: 'اضغط الزر لإكمال تسجيل الدخول.',
      action: 'متابعة',
      hint: 'إذا لم تطلب تسجيل الدخول، فأغلق هذه الصفحة: لا يحدث شيء من دون الزر.',
    },

    resetPassword: {
      title: 'اختيار كلمة مرور جديدة',
      newPassword: 'كلمة المرور الجديدة',
      hint: (minLength) => `${minLength} أحرف على الأقل. سيُسجَّل خروج كل الأجهزة الأخرى.`,
      repeat: 'أعد كتابتها',
      action: 'تعيين كلمة المرور الجديدة',
      problems: {
        password_too_short: 'كلمة المرور هذه قصيرة جدًا.',
        password_too_long: 'كلمة المرور هذه طويلة جدًا.',
        password_too_common: 'كلمة المرور هذه شائعة جدًا أو سهلة التخمين. اختر غيرها.',
        mismatch: 'كلمتا المرور غير متطابقتين.',
      },
      doneTitle: 'تغيّرت كلمة المرور',
      done: (product) => `يمكنك الآن تسجيل الدخول إلى ${product} بكلمة المرور الجديدة.`,
    },

    invitation: {
      title: (organization, product) => `الانضمام إلى ${organization} في ${product}`,
      invited: (p) => [
        `دعا ${p.inviter ?? 'شخص ما'} `,
        p.email,
        ` للانضمام إلى ${p.organization} ${p.role === 'admin' ? 'مسؤولًا' : 'عضوًا'}.`,
      ],
      action: 'متابعة',
      hint: (email) =>
        `المتابعة تقبل الدعوة لـ ${email}. إذا لم تكن تتوقع هذه الدعوة، فأغلق هذه الصفحة: لا يحدث شيء من دون الزر.`,
    },

    invalidLink: {
      title: 'الرابط لم يعد صالحًا',
      heading: 'لم يعد من الممكن استخدام هذا الرابط',
      reason: 'انتهت صلاحيته، أو سبق استخدامه، أو حلّ محله رابط أحدث.',
      advice: (product) => `عُد إلى ${product} واطلب رابطًا جديدًا.`,
      back: (product) => `العودة إلى ${product}`,
    },

    login: {
      title: 'تسجيل الدخول',
      noScript: 'تحتاج صفحة تسجيل الدخول هذه إلى JavaScript. فعّله، أو عُد إلى الموقع وسجّل الدخول هناك.',
    },
    account: {
      title: 'حسابك',
      back: (site) => `العودة إلى ${site}`,
    },
    oauth: {
      failedTitle: 'لم يكتمل تسجيل الدخول',
      reasons: {
        attempt: 'انتهت صلاحية محاولة تسجيل الدخول هذه أو سبق استخدامها.',
        provider: (provider) => `لم يؤكد ${provider} هويتك.`,
        no_email: (provider) => `لم يشارك ${provider} أي بريد إلكتروني.`,
        account_exists: (provider) =>
          `يوجد حساب بهذا البريد الإلكتروني بالفعل، وهو غير مرتبط بـ ${provider}. سجّل الدخول كعادتك (كلمة المرور أو مفتاح المرور أو رابط البريد)، ثم افتح حساباتك المتصلة واختر «ربط ${provider}»: بعد ذلك يسجّل ${provider} دخولك.`,
        sign_up_closed: 'لا يمكن إنشاء حسابات جديدة هنا.',
      },
      advice: (product) => `عُد إلى ${product} وحاول مرة أخرى.`,
      back: (product) => `العودة إلى ${product}`,
      popupTitle: 'جارٍ تسجيل دخولك',
      popupText: 'يمكنك إغلاق هذه النافذة إذا بقيت مفتوحة.',
    },
  },

  seeded: {
    steps: {
      welcome: 'مرحبًا',
      profile: 'الملف الشخصي',
      organization: 'المؤسسة',
      team: 'الفريق',
      preferences: 'التفضيلات',
      integrations: 'التكاملات',
      tour: 'جولة تعريفية',
      complete: 'اكتمل',
    },
    checklist: {
      create_event: { title: 'أنشئ فعاليتك الأولى', description: 'جهّز إنتاجًا أو فعالية' },
      invite_team: { title: 'ادعُ عضوًا إلى فريقك', description: 'العمل معًا أفضل' },
      connect_integration: { title: 'اربط تكاملًا', description: 'زامِن مع الأدوات التي تستخدمها' },
      customize_profile: { title: 'أكمل ملفك الشخصي', description: 'أضف صورة ونبذة' },
      explore_dashboard: { title: 'استكشف لوحة التحكم', description: 'مركز قيادتك' },
    },
  },
};
