/**
 * Arabic, the account centre's sections of the Arabic string set (ar.ts puts it together). Typed
 * as `AccountSections`, so a key added to en-account.ts and missing here fails the build.
 */
import type { AccountSections, accountErrorsEn } from './en-account.js';
import { plural } from './plural.js';

export const accountAr: AccountSections = {
  dataExport: {
    title: 'تنزيل بياناتك',
    intro: 'احصل على نسخة من كل ما نحتفظ به عن حسابك. سنراسلك بالبريد عندما تصبح جاهزة.',
    format: 'الصيغة',
    json: 'JSON (ملف واحد)',
    csv: 'CSV لجداول البيانات (ملف zip)',
    request: 'طلب بياناتي',
    preparing: 'يجري تحضير أرشيفك. يمكنك مغادرة هذه الصفحة: سنراسلك بالبريد عندما يصبح جاهزًا.',
    history: 'عمليات التصدير',
    empty: 'لم تصدّر بياناتك بعد.',
    download: 'تنزيل',
    downloadLabel: (format, date) => `تنزيل تصدير ${format} بتاريخ ${date}`,
    status: { pending: 'في الانتظار', processing: 'قيد التحضير', ready: 'جاهز', expired: 'منتهي الصلاحية' },
    formatName: { json: 'JSON', csv: 'CSV' },
    requestedAt: (date) => `طُلب في ${date}`,
    availableUntil: (date) => `متاح حتى ${date}`,
    signedOut: 'سجّل الدخول لتنزيل بياناتك.',
    loadFailed: 'تعذّر تحميل عمليات التصدير.',
  },
  deleteAccount: {
    title: 'حذف حسابك',
    intro: 'حذف حسابك يسجّل خروجك من كل مكان، ثم يحذفه نهائيًا بعد فترة سماح.',
    grace: (days) =>
      `${days ? `يُحذف حسابك بعد ${plural('ar', days, { one: 'يوم واحد', two: 'يومين', few: '# أيام', many: '# يومًا', other: '# يوم' })} من طلبك. ` : ''}حتى التاريخ الذي نعرضه عليك (ونرسله إليك بالبريد)، يمكنك تغيير رأيك: سجّل الدخول مرة أخرى وألغِ الحذف، أو استخدم الرابط في البريد.`,
    deleted:
      'بعد ذلك تُحذف ملفك الشخصي وطرق تسجيل الدخول والأجهزة والسجل وتقدّم الإعداد والعضويات. لا يمكن التراجع عن ذلك.',
    organizations:
      'المؤسسة التي تملكها وحدك تنتقل إلى أقدم مسؤول فيها، وإلا فإلى أقدم عضو؛ والمؤسسة التي لا أحد غيرك فيها تُحذف.',
    reason: 'لماذا تغادر؟ (اختياري)',
    noReason: 'اختر سببًا',
    reasons: {
      not_useful: 'لا أجده مفيدًا',
      too_expensive: 'تكلفته مرتفعة',
      privacy: 'مخاوف تتعلق بالخصوصية',
      switching: 'سأنتقل إلى خدمة أخرى',
      other: 'سبب آخر',
    },
    feedback: 'هل تودّ إخبارنا بشيء؟ (اختياري)',
    confirmLabel: (email) => `للتأكيد، اكتب بريدك الإلكتروني: ${email}`,
    submit: 'حذف حسابي',
    reauthenticate: 'حفاظًا على أمانك، يتطلب حذف حسابك تسجيل دخول حديثًا. سجّل الدخول مرة أخرى، ثم عُد إلى هنا.',
    signInAgain: 'تسجيل الدخول مرة أخرى',
    scheduledTitle: 'حذف حسابك مجدول',
    scheduledOn: (date) => `سيُحذف حسابك في ${date}.`,
    requestedDone:
      'سُجّل خروج كل الأجهزة. للاحتفاظ بحسابك، سجّل الدخول مرة أخرى قبل ذلك التاريخ وألغِ الحذف، أو استخدم الرابط الذي أرسلناه إليك.',
    cancel: 'إلغاء الحذف',
    cancelled: 'أُلغي الحذف: سيبقى حسابك.',
    signedOut: 'سجّل الدخول لحذف حسابك.',
    loadFailed: 'تعذّر تحميل حسابك.',
  },
  passwordChange: {
    title: 'كلمة المرور',
    intro: 'تغيير كلمة المرور يسجّل خروجك من أجهزتك الأخرى.',
    current: 'كلمة المرور الحالية',
    new: 'كلمة المرور الجديدة',
    confirm: 'كلمة المرور الجديدة مرة أخرى',
    submit: 'تغيير كلمة المرور',
    mismatch: 'كلمتا المرور الجديدتان غير متطابقتين.',
    changed: (others) =>
      others === 0
        ? 'تغيّرت كلمة مرورك.'
        : `تغيّرت كلمة مرورك. ${plural('ar', others, {
            one: 'سُجّل خروج جهاز آخر.',
            two: 'سُجّل خروج جهازين آخرين.',
            few: 'سُجّل خروج # أجهزة أخرى.',
            many: 'سُجّل خروج # جهازًا آخر.',
            other: 'سُجّل خروج # جهاز آخر.',
          })}`,
    noPassword:
      'ليس لديك كلمة مرور بعد (تسجّل الدخول برابط أو مفتاح مرور أو حساب آخر)؟ استخدم «نسيت كلمة المرور؟» في نموذج تسجيل الدخول لتعيين واحدة.',
    signedOut: 'سجّل الدخول لتغيير كلمة مرورك.',
  },
  profile: {
    title: 'الملف الشخصي',
    avatar: 'صورة الملف الشخصي',
    noAvatar: 'لا توجد صورة',
    uploadAvatar: 'رفع صورة',
    avatarHint: 'صورة بصيغة PNG أو JPEG أو WebP أو GIF.',
    removeAvatar: 'إزالة الصورة',
    avatarSaved: 'حُفظت الصورة.',
    avatarRemoved: 'أُزيلت الصورة.',
    language: 'لغة رسائل البريد',
    languageAuto: 'لغة كل صفحة',
    bio: 'نبذة عنك',
    languages: { en: 'English', fr: 'Français', de: 'Deutsch', es: 'Español', ar: 'العربية' },
    save: 'حفظ',
    saved: 'حُفظ الملف الشخصي.',
    emailTitle: 'البريد الإلكتروني',
    changeEmail: 'تغيير',
    newEmail: 'البريد الإلكتروني الجديد',
    sendLink: 'إرسال رابط التأكيد',
    cancel: 'إلغاء',
    pendingTitle: 'تحقّق من بريدك الوارد',
    pending: (email) => `أرسلنا رابطًا إلى ${email}. افتحه لتأكيد العنوان الجديد؛ وحتى ذلك الحين يبقى عنوانك كما هو.`,
    pendingUntil: (date) => `يعمل الرابط حتى ${date}.`,
    cancelChange: 'إلغاء التغيير',
    changeCancelled: 'أُلغي تغيير البريد الإلكتروني: لم يعد الرابط يعمل.',
    reauthenticate:
      'حفاظًا على أمانك، يتطلب تغيير بريدك الإلكتروني تسجيل دخول حديثًا. سجّل الدخول مرة أخرى، ثم حاول من جديد.',
    signInAgain: 'تسجيل الدخول مرة أخرى',
    loadFailed: 'تعذّر تحميل ملفك الشخصي.',
    signedOut: 'سجّل الدخول لرؤية ملفك الشخصي.',
  },
  account: {
    label: 'الحساب',
    tabs: { profile: 'الملف الشخصي', security: 'الأمان', notifications: 'الإشعارات', privacy: 'البيانات والخصوصية' },
  },
};

export const accountErrorsAr: typeof accountErrorsEn = {
  unsupported_image_type: 'اختر صورة بصيغة PNG أو JPEG أو WebP أو GIF.',
  image_too_large: 'هذه الصورة كبيرة جدًا. اختر صورة أصغر.',
  email_unchanged: 'هذا هو بريدك الإلكتروني بالفعل.',
  email_in_use: 'يستخدم حساب آخر هذا البريد الإلكتروني الآن.',
  export_in_progress: 'يجري بالفعل تحضير تصدير. انتظر حتى يصبح جاهزًا.',
  export_not_ready: 'هذا التصدير ليس جاهزًا بعد.',
  export_expired: 'انتهت صلاحية هذا التصدير. اطلب تصديرًا جديدًا.',
  export_link_invalid: 'رابط التنزيل هذا غير صالح. استخدم الرابط الموجود في حسابك.',
  email_mismatch: 'للتأكيد، اكتب البريد الإلكتروني لحسابك كما هو تمامًا.',
  deletion_already_scheduled: 'حذف حسابك مجدول بالفعل.',
  deletion_not_scheduled: 'حذف حسابك غير مجدول.',
};

/** The area as the registry fetches it (chunks.ts): its sections, its codes’ messages under `errors`. */
export default { ...accountAr, errors: accountErrorsAr };
