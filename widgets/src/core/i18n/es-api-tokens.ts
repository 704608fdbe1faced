/**
 * Spanish, `<acct-api-tokens>`'s section of the Spanish string set (es.ts puts it together), and
 * the messages of the API-token error codes, which es.ts spreads into `errors`.
 */
import type { ApiTokenSections, apiTokenErrorsEn } from './en-api-tokens.js';

export const apiTokensEs: ApiTokenSections = {
  apiTokens: {
    title: 'Tokens de API',
    intro:
      'Los tokens permiten que tus propios servidores llamen a acct para esta organización. Da a cada uno solo los permisos que necesita.',
    noOrganization: 'Elige una organización para gestionar sus tokens de API.',
    signedOut: 'Inicia sesión para gestionar los tokens de API.',
    loadFailed: 'No se pudieron cargar los tokens de API.',
    createTitle: 'Token nuevo',
    name: 'Nombre',
    nameHint: 'Qué lo usa, por ejemplo «Servidor de facturación».',
    scopes: 'Permisos',
    scopesRequired: 'Elige al menos un permiso.',
    scope: {
      'checklist:write': 'Completar elementos de la lista de configuración de los miembros',
      'members:read': 'Leer los miembros',
      'webhooks:manage': 'Gestionar webhooks',
      'events:read': 'Leer eventos',
    },
    expiry: 'Caduca',
    expiryNever: 'Nunca',
    expiryDays: (days) => `En ${days} días`,
    create: 'Crear token',
    createdTitle: 'Copia tu token nuevo',
    createdText:
      'Esta es la única vez que se muestra el token. Guárdalo en un lugar seguro, como la configuración secreta de tu servidor.',
    secretLabel: 'Token',
    copy: 'Copiar',
    copied: 'Copiado.',
    copyFailed: 'No se pudo copiar: selecciona el token y cópialo tú.',
    done: 'Ya lo he guardado',
    empty: 'Aún no hay tokens de API.',
    listTitle: 'Tokens',
    createdBy: (who, when) => `Creado por ${who} el ${when}`,
    createdOn: (when) => `Creado el ${when}`,
    lastUsed: (when) => `Usado por última vez ${when}`,
    neverUsed: 'Nunca usado',
    expires: (when) => `Caduca el ${when}`,
    noExpiry: 'No caduca',
    expired: 'Caducado',
    revoke: 'Revocar',
    revokeLabel: (name) => `Revocar ${name}`,
    confirmRevoke: (name) => `¿Revocar «${name}»? Las llamadas que lo usen fallarán desde la siguiente solicitud.`,
    confirm: 'Revocar',
    cancel: 'Cancelar',
    revoked: (name) => `«${name}» se ha revocado.`,
  },
};

export const apiTokenErrorsEs: typeof apiTokenErrorsEn = {
  api_token_invalid: 'El token de API está mal formado, es desconocido, está revocado o ha caducado.',
  api_token_scope: 'El token de API no tiene el permiso que necesita esta llamada.',
  api_token_expiry_past: 'La fecha de caducidad debe estar en el futuro.',
  too_many_api_tokens: 'Esta organización tiene demasiados tokens de API. Revoca uno primero.',
};

/** The area as the registry fetches it (chunks.ts): its sections, its codes’ messages under `errors`. */
export default { ...apiTokensEs, errors: apiTokenErrorsEs };
