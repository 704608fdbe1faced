/**
 * Spanish, `<acct-webhooks>`'s section of the Spanish string set (es.ts puts it together), and the
 * messages of the webhook error codes, which es.ts spreads into `errors`.
 */
import type { WebhookSections, webhookErrorsEn } from './en-webhooks.js';

export const webhooksEs: WebhookSections = {
  webhooks: {
    title: 'Webhooks',
    intro:
      'Los webhooks envían los eventos de esta organización a tus propios servidores en cuanto ocurren, firmados para que puedas comprobarlos.',
    noOrganization: 'Elige una organización para gestionar sus webhooks.',
    signedOut: 'Inicia sesión para gestionar los webhooks.',
    loadFailed: 'No se pudieron cargar los webhooks.',
    createTitle: 'Endpoint nuevo',
    url: 'URL del endpoint',
    urlHint: 'Una dirección https de tu servidor, por ejemplo https://example.com/acct-events.',
    description: 'Descripción',
    events: 'Eventos',
    eventsRequired: 'Elige al menos un evento.',
    category: {
      user: 'Usuarios',
      session: 'Sesiones',
      organization: 'Organización',
      onboarding: 'Configuración inicial',
    },
    create: 'Añadir endpoint',
    createdTitle: 'Copia el secreto de firma',
    createdText:
      'Esta es la única vez que se muestra el secreto. Tu servidor lo necesita para comprobar la firma de cada entrega.',
    secretLabel: 'Secreto de firma',
    copy: 'Copiar',
    copied: 'Copiado.',
    copyFailed: 'No se pudo copiar: selecciona el secreto y cópialo tú.',
    done: 'Ya lo he guardado',
    listTitle: 'Endpoints',
    empty: 'Aún no hay endpoints.',
    active: 'Activo',
    disabled: {
      manual: 'Desactivado',
      gone: 'Desactivado: el endpoint respondió 410 Gone',
      failing: 'Desactivado tras fallos repetidos',
    },
    failures: (count: number) => (count === 1 ? '1 fallo seguido' : `${count} fallos seguidos`),
    lastTriggered: (when: string) => `Última entrega ${when}`,
    neverTriggered: 'Aún no hay entregas',
    overlap: (when: string) => `El secreto anterior también firma hasta ${when}`,
    enable: 'Activar',
    disable: 'Desactivar',
    rotate: 'Cambiar el secreto',
    sendTest: 'Enviar un evento de prueba',
    testQueued: 'Se puso en cola un evento de prueba.',
    showLog: 'Registro de entregas',
    hideLog: 'Ocultar el registro',
    remove: 'Eliminar',
    removeLabel: (url: string) => `Eliminar ${url}`,
    confirmRemove: (url: string) => `¿Eliminar el endpoint ${url} y su registro de entregas?`,
    confirm: 'Eliminar',
    cancel: 'Cancelar',
    removed: (url: string) => `Se eliminó ${url}.`,
    logEmpty: 'Aún no hay entregas.',
    status: { pending: 'Pendiente', succeeded: 'Entregado', failed: 'Fallido' },
    attempt: (n: number) => `intento ${n}`,
    duration: (ms: number) => `${ms} ms`,
    request: 'Cuerpo de la solicitud',
    response: 'Cuerpo de la respuesta',
    noResponse: (error: string) => `Sin respuesta (${error})`,
    replay: 'Reenviar',
    replayed: 'La entrega se volvió a poner en cola.',
    more: 'Entregas anteriores',
  },
};

export const webhookErrorsEs: typeof webhookErrorsEn = {
  too_many_webhooks: 'Esta organización tiene demasiados endpoints de webhook. Elimina uno primero.',
  webhook_url_blocked:
    'Esta URL apunta a una dirección privada, local o reservada de otro modo, a la que los webhooks no pueden llegar.',
};

/** The area as the registry fetches it (chunks.ts): its sections, its codes’ messages under `errors`. */
export default { ...webhooksEs, errors: webhookErrorsEs };
