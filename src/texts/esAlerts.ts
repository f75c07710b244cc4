import { AlertTexts } from './AlertTexts';

export const esAlerts: AlertTexts = {
    greeting: (failingMinutes, perHour) => `:bell: Tickets publica sus alertas en esta sala: entregas aparcadas, receptores que fallan durante ${failingMinutes} minutos, peticiones rechazadas por una firma o un token incorrectos, fuentes activadas sin los ajustes que necesitan. Cuando cada una se resuelve, sigue una línea; como máximo ${perHour} alertas por hora y fuente.`,
    appEndpoints: 'Endpoints propios de Tickets',
    parked: (alert) => `:warning: *${alert.label}*: se aparcó una entrega. ${alert.parked === 1 ? 'Hay 1 entrega aparcada' : `Hay ${alert.parked} entregas aparcadas`}; la más reciente (sala \`${alert.room}\`, id \`${alert.item}\`): ${alert.reason}. Cuando el receptor esté arreglado, envíalas de nuevo con \`/tickets retry ${alert.source}\``,
    parkedCleared: (label) => `:white_check_mark: *${label}*: ya no hay ninguna entrega aparcada.`,
    failing: (alert) => `:warning: *${alert.label}*: todos los intentos de entrega fallan desde hace ${alert.minutes} minutos (desde ${alert.since}); ${alert.conversations === 1 ? '1 conversación espera' : `${alert.conversations} conversaciones esperan`}. Último error: ${alert.lastError}. La app sigue reintentando; \`/tickets status\` muestra el próximo intento de cada conversación.`,
    failingCleared: (label) => `:white_check_mark: *${label}*: las entregas ya no fallan.`,
    refusals: (label, count, minutes) => `:warning: *${label}*: ${count} ${count === 1 ? 'petición rechazada' : 'peticiones rechazadas'} por una firma o un token incorrectos en los últimos ${minutes} minutos: alguien sondea el endpoint, o un secreto se cambió solo en un lado. Comprueba que la plataforma y los ajustes de la app tengan el mismo secreto.`,
    refusalsCleared: (label, quietMinutes) => `:white_check_mark: *${label}*: ninguna petición rechazada por una firma o un token incorrectos desde hace ${quietMinutes} minutos.`,
    configuration: (label, problems) => [`:warning: *${label}* está activado pero sin configurar:`, ...problems.map((problem) => `• ${problem}`)].join('\n'),
    configurationCleared: (label) => `:white_check_mark: *${label}*: ya no falta nada en su configuración (o se desactivó).`,
    heldBack: (label, until, perHour) => `(Las siguientes alertas de ${label} se retienen hasta ${until}: como máximo ${perHour} por hora.)`,
};
