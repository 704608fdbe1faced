/**
 * Spanish, for emails and hosted pages. Typed as `Messages`, so a key added to en.ts and missing
 * here fails the type check. The reader is addressed with «tú», as in the elements
 * (widgets/src/core/i18n/es.ts); questions and exclamations open with «¿» and «¡».
 */
import type { Messages } from './en';

export const es: Messages = {
  $lang: 'es',
  $dir: 'ltr',

  notifications: {
    organizationCreated: (name) => `Organización «${name}» creada`,
    appConnected: (provider) => `${provider} está conectado a tu organización`,
    onboardingCompleted: (product) => `Ya tienes todo listo en ${product}`,
  },

  mail: {
    signature: (product) => `— ${product}`,
    buttonFallback: 'Si el botón no funciona, pega esta dirección en tu navegador:',

    verifyEmail: {
      subject: (product) => `Confirma tu correo electrónico para ${product}`,
      intro: (product) =>
        `¡Te damos la bienvenida a ${product}! Confirma que esta es tu dirección de correo para terminar de crear tu cuenta.`,
      action: 'Confirmar mi correo',
      footer: 'El enlace funciona una vez y caduca en 24 horas. Si no te registraste, ignora este mensaje.',
    },

    accountExists: {
      subject: (product) => `Ya tienes una cuenta de ${product}`,
      intro: (product) =>
        `Alguien (esperamos que tú) intentó crear una cuenta de ${product} con esta dirección de correo, pero ya tiene una.`,
      forgot: 'Si olvidaste tu contraseña, puedes elegir una nueva.',
      action: 'Restablecer mi contraseña',
      footer: 'Si no fuiste tú, ignora este mensaje: no ha cambiado nada.',
    },

    resetPassword: {
      subject: (product) => `Restablece tu contraseña de ${product}`,
      intro: (product) => `Recibimos una solicitud para restablecer la contraseña de tu cuenta de ${product}.`,
      action: 'Elegir una contraseña nueva',
      footer: 'El enlace funciona una vez y caduca en 30 minutos. Si no lo pediste, ignora este mensaje.',
    },

    notification: {
      action: 'Abrir',
      footer: (product) =>
        `Puedes elegir qué notificaciones te envía ${product} en tu configuración de notificaciones.`,
    },

    notificationDigest: {
      subject: (product, count, daily) =>
        `Tu resumen ${daily ? 'diario' : 'semanal'} de ${product}: ${count} ${count === 1 ? 'notificación' : 'notificaciones'}`,
      intro: (product, daily) =>
        `Esto es lo que ha pasado en ${product} desde tu último resumen ${daily ? 'diario' : 'semanal'}:`,
    },

    passwordChanged: {
      subject: (product) => `Se cambió tu contraseña de ${product}`,
      intro: (product) =>
        `Se acaba de cambiar la contraseña de tu cuenta de ${product} y se cerró la sesión en todos los demás dispositivos.`,
      advice: 'Si no fuiste tú, restablece tu contraseña ahora mismo.',
    },

    magicLink: {
      subject: (product) => `Inicia sesión en ${product}`,
      intro: (product) => `Usa este enlace para iniciar sesión en ${product}. No necesitas contraseña.`,
      action: (product) => `Iniciar sesión en ${product}`,
      footer: (minutes) =>
        `El enlace funciona una vez y caduca en ${minutes === 1 ? '1 minuto' : `${minutes} minutos`}. Si no lo pediste, ignora este mensaje: nadie puede iniciar sesión sin él.`,
    },

    newPasskey: {
      subject: (product) => `Se añadió una llave de acceso a tu cuenta de ${product}`,
      intro: (product, name) =>
        name === null
          ? `Ahora se puede usar una nueva llave de acceso para iniciar sesión en tu cuenta de ${product}.`
          : `Ahora se puede usar una nueva llave de acceso, «${name}», para iniciar sesión en tu cuenta de ${product}.`,
      advice: 'Si no fuiste tú, quítala en la configuración de tu cuenta y cambia tu contraseña ahora mismo.',
    },

    passkeyRemoved: {
      subject: (product) => `Se quitó una llave de acceso de tu cuenta de ${product}`,
      intro: (product, name) =>
        name === null
          ? `Ya no se puede usar una llave de acceso para iniciar sesión en tu cuenta de ${product}.`
          : `Ya no se puede usar la llave de acceso «${name}» para iniciar sesión en tu cuenta de ${product}.`,
      advice:
        'Si no fuiste tú, cambia tu contraseña ahora mismo y revisa las llaves de acceso y las sesiones de tu cuenta.',
    },

    recoveryCodeUsed: {
      subject: (product) => `Se usó un código de recuperación para iniciar sesión en tu cuenta de ${product}`,
      intro: (product) => `Alguien inició sesión en tu cuenta de ${product} con uno de tus códigos de recuperación.`,
      remaining: (count) =>
        count === 1 ? 'Te queda 1 código de recuperación.' : `Te quedan ${count} códigos de recuperación.`,
      fewLeft: 'Te quedan pocos códigos: genera unos nuevos en la configuración de seguridad de tu cuenta.',
      advice: 'Si no fuiste tú, cambia tu contraseña ahora mismo y genera códigos de recuperación nuevos.',
    },

    mfaChanged: {
      enabledSubject: (product) => `La verificación en dos pasos está activada en tu cuenta de ${product}`,
      disabledSubject: (product) => `Se desactivó la verificación en dos pasos en tu cuenta de ${product}`,
      enabled: (product) =>
        `Para iniciar sesión en tu cuenta de ${product} ahora también se pide un código de tu aplicación de autenticación.`,
      disabled: (product) =>
        `Para iniciar sesión en tu cuenta de ${product} ya no se pide un código de una aplicación de autenticación.`,
      advice: 'Si no fuiste tú, cambia tu contraseña ahora mismo y revisa la configuración de seguridad de tu cuenta.',
    },

    organizationInvitation: {
      subject: (organization, product) => `Únete a ${organization} en ${product}`,
      intro: (inviter, organization, product) => `${inviter} te invitó a unirte a ${organization} en ${product}.`,
      action: (organization) => `Unirme a ${organization}`,
      footer: (days) =>
        `La invitación funciona una vez y caduca en ${days === 1 ? '1 día' : `${days} días`}. Si no la esperabas, ignora este mensaje: no pasa nada sin el botón.`,
    },

    newDevice: {
      subject: (product) => `Nuevo inicio de sesión en ${product}`,
      intro: (product) =>
        `Se acaba de usar tu cuenta de ${product} para iniciar sesión desde un dispositivo que no habíamos visto antes:`,
      advice:
        'Si fuiste tú, no tienes que hacer nada. Si no, cambia tu contraseña y cierra la sesión en los demás dispositivos desde la configuración de tu cuenta.',
      kind: { desktop: 'Ordenador', mobile: 'Teléfono', tablet: 'Tableta' },
      browserOn: (browser, os) => `${browser} en ${os}`,
      unknownPlace: 'Lugar desconocido',
    },

    dataExportReady: {
      subject: (product) => `Tu exportación de datos de ${product} está lista`,
      intro: (product) => `La copia de los datos de tu cuenta de ${product} que pediste está lista.`,
      action: 'Descargar mis datos',
      footer: (until) =>
        `El enlace solo funciona mientras tengas la sesión iniciada en tu cuenta, hasta el ${until} UTC. Si no pediste esta exportación, cambia tu contraseña.`,
    },
    webhookDisabled: {
      subject: (product) => `Se desactivó un endpoint de webhook en ${product}`,
      intro: (organization, url, failures) =>
        `El endpoint de webhook ${url} de ${organization} falló ${failures} veces seguidas, así que ya no recibe eventos.`,
      advice:
        'Corrige el endpoint y vuelve a activarlo desde la página de webhooks de la organización; su registro de entregas muestra lo que respondió.',
    },
    emailChangeConfirm: {
      subject: (product) => `Confirma tu nuevo correo para ${product}`,
      intro: (product) => `Pediste usar esta dirección para tu cuenta de ${product}. Confírmala para hacer el cambio.`,
      action: 'Confirmar mi nuevo correo',
      footer: 'El enlace funciona una vez y caduca en 24 horas. Si no lo pediste, ignora este mensaje.',
    },
    emailChangeTaken: {
      subject: (product) => `Tu dirección de correo y ${product}`,
      intro: (product) =>
        `Alguien (esperamos que tú) pidió usar esta dirección para una cuenta de ${product}, pero ya pertenece a una cuenta. No se cambió nada.`,
      advice: 'Si quieres usar esta dirección allí, cambia primero la dirección de la cuenta a la que pertenece.',
    },
    emailChanged: {
      subject: (product) => `Se cambió tu dirección de correo de ${product}`,
      intro: (product, newEmail) => `La dirección de correo de tu cuenta de ${product} se cambió a ${newEmail}.`,
      advice:
        'Si fuiste tú, no tienes que hacer nada. Si no, deshaz el cambio: tu dirección vuelve y se cierra la sesión en todos los dispositivos.',
      action: 'Deshacer el cambio',
      footer: 'El enlace funciona una vez y caduca en 72 horas.',
    },
    deletionRequested: {
      subject: (product) => `La eliminación de tu cuenta de ${product} está programada`,
      intro: (product, date) =>
        `Nos pediste eliminar tu cuenta de ${product}. Se eliminará para siempre el ${date}, con todo su contenido.`,
      signedOut:
        'Se cerró la sesión en todos los dispositivos. Hasta esa fecha puedes volver a iniciar sesión y cancelar, o usar este enlace:',
      action: 'Cancelar la eliminación',
      footer: 'Si no lo pediste, cancela ahora y cambia tu contraseña.',
    },

    deletionCancelled: {
      subject: (product) => `Tu cuenta de ${product} no se eliminará`,
      intro: (product) => `Se canceló la eliminación de tu cuenta de ${product}. No se eliminó nada.`,
    },

    accountDeleted: {
      subject: (product) => `Se eliminó tu cuenta de ${product}`,
      intro: (product) =>
        `Tu cuenta de ${product} y sus datos se eliminaron, como pediste. Las organizaciones de las que eras el único propietario pasaron a su administrador o miembro más antiguo, o se eliminaron con la cuenta si no había nadie más.`,
      goodbye: 'Gracias por haberla usado. Este es el último mensaje que recibes de nosotros.',
    },
  },

  pages: {
    emailChange: {
      title: 'Confirma tu nuevo correo',
      intro: (email) => `Pulsa el botón para que ${email} sea la dirección de correo de tu cuenta.`,
      action: 'Confirmar mi nuevo correo',
      doneTitle: 'Dirección de correo cambiada',
      done: (email, product) => `${email} es ahora tu dirección de correo. Puedes volver a ${product}.`,
      takenTitle: 'Dirección de correo sin cambiar',
      taken: 'Otra cuenta usa ahora esta dirección de correo, así que no puede ser también la tuya. No se cambió nada.',
    },
    emailChangeUndo: {
      title: 'Deshacer el cambio de correo',
      intro: (email) =>
        `Pulsa el botón para que ${email} vuelva a ser la dirección de correo de tu cuenta. Se cerrará la sesión en todos los dispositivos conectados a la cuenta.`,
      action: 'Deshacer el cambio',
      doneTitle: 'Cambio de correo deshecho',
      done: (email, product) =>
        `${email} vuelve a ser tu dirección de correo y se cerró la sesión en todos los dispositivos. Si no la cambiaste tú, vuelve a iniciar sesión en ${product} y elige una contraseña nueva.`,
      takenTitle: 'Cambio de correo sin deshacer',
      taken: 'Otra cuenta usa ahora esta dirección de correo, así que no se puede devolver. No se cambió nada.',
    },
    verifyEmail: {
      title: 'Confirma tu correo',
      intro: (product) =>
        `Pulsa el botón para confirmar tu dirección de correo y terminar de configurar tu cuenta de ${product}.`,
      action: 'Confirmar mi correo',
      doneTitle: 'Correo confirmado',
      done: (product) => `Gracias. Ya puedes volver a ${product} e iniciar sesión.`,
    },

    cancelDeletion: {
      title: 'Cancelar la eliminación de tu cuenta',
      intro: (product, date) =>
        `La eliminación de tu cuenta de ${product} está programada para el ${date}. Pulsa el botón para conservarla.`,
      action: 'Conservar mi cuenta',
      doneTitle: 'Eliminación cancelada',
      done: (product) => `Tu cuenta no se eliminará. Puedes volver a iniciar sesión en ${product}.`,
    },

    magicLink: {
      title: (product) => `Continúa iniciando sesión en ${product}`,
      intro: 'Pulsa el botón para terminar de iniciar sesión.',
      action: 'Continuar',
      hint: 'Si no pediste iniciar sesión, cierra esta página: no pasa nada sin el botón.',
    },

    resetPassword: {
      title: 'Elige una contraseña nueva',
      newPassword: 'Contraseña nueva',
      hint: (minLength) => `Al menos ${minLength} caracteres. Se cerrará la sesión en todos los demás dispositivos.`,
      repeat: 'Repítela',
      action: 'Guardar la contraseña nueva',
      problems: {
        password_too_short: 'Esa contraseña es demasiado corta.',
        password_too_long: 'Esa contraseña es demasiado larga.',
        password_too_common: 'Esa contraseña es demasiado común o fácil de adivinar. Elige otra.',
        mismatch: 'Las dos contraseñas no coinciden.',
      },
      doneTitle: 'Contraseña cambiada',
      done: (product) => `Ya puedes iniciar sesión en ${product} con tu contraseña nueva.`,
    },

    invitation: {
      title: (organization, product) => `Únete a ${organization} en ${product}`,
      invited: (p) => [
        `${p.inviter ?? 'Alguien'} invitó a `,
        p.email,
        ` a unirse a ${p.organization} como ${p.role === 'admin' ? 'administrador' : 'miembro'}.`,
      ],
      action: 'Continuar',
      hint: (email) =>
        `Si continúas, la aceptarás para ${email}. Si no esperabas esta invitación, cierra esta página: no pasa nada sin el botón.`,
    },

    invalidLink: {
      title: 'El enlace ya no es válido',
      heading: 'Este enlace ya no se puede usar',
      reason: 'Ha caducado, ya se usó o lo sustituyó un enlace más reciente.',
      advice: (product) => `Vuelve a ${product} y pide uno nuevo.`,
      back: (product) => `Volver a ${product}`,
    },

    login: {
      title: 'Iniciar sesión',
      noScript:
        'Esta página de inicio de sesión necesita JavaScript. Actívalo, o vuelve al sitio e inicia sesión allí.',
    },
    account: {
      title: 'Tu cuenta',
      back: (site) => `Volver a ${site}`,
    },
    oauth: {
      failedTitle: 'No se completó el inicio de sesión',
      reasons: {
        attempt: 'Este intento de inicio de sesión caducó o ya se usó.',
        provider: (provider) => `${provider} no confirmó quién eres.`,
        no_email: (provider) => `${provider} no compartió ninguna dirección de correo.`,
        account_exists: (provider) =>
          `Ya existe una cuenta con esta dirección de correo y no está vinculada a ${provider}. Inicia sesión como sueles hacerlo (contraseña, llave de acceso o enlace por correo), abre tus cuentas conectadas y elige «Vincular ${provider}»: a partir de entonces, ${provider} iniciará tu sesión.`,
        sign_up_closed: 'Aquí no se pueden crear cuentas nuevas.',
      },
      advice: (product) => `Vuelve a ${product} e inténtalo de nuevo.`,
      back: (product) => `Volver a ${product}`,
      popupTitle: 'Iniciando sesión',
      popupText: 'Puedes cerrar esta ventana si sigue abierta.',
    },
  },

  seeded: {
    steps: {
      welcome: 'Bienvenida',
      profile: 'Perfil',
      organization: 'Organización',
      team: 'Equipo',
      preferences: 'Preferencias',
      integrations: 'Integraciones',
      tour: 'Recorrido',
      complete: 'Listo',
    },
    checklist: {
      create_event: { title: 'Crea tu primer evento', description: 'Prepara una producción o un evento' },
      invite_team: { title: 'Invita a alguien de tu equipo', description: 'En equipo se trabaja mejor' },
      connect_integration: {
        title: 'Conecta una integración',
        description: 'Sincroniza con las herramientas que usas',
      },
      customize_profile: { title: 'Completa tu perfil', description: 'Añade una foto y una biografía' },
      explore_dashboard: { title: 'Explora el panel', description: 'Tu centro de mando' },
    },
  },
};
