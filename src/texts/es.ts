import { esAlerts } from './esAlerts';
import { OperatorTexts } from './OperatorTexts';

const intentos = (count: number): string => `${count} ${count === 1 ? 'intento' : 'intentos'}`;

export const es: OperatorTexts = {
    effect: {
        'calls-refused': (platform) => `las llamadas de ${platform} se rechazan`,
        'calls-refused-replies-not-sent': (platform) => `las llamadas de ${platform} se rechazan y no se pueden enviar respuestas`,
        'replies-not-sent': () => 'no se pueden enviar respuestas',
        'messages-not-read': () => 'no se pueden leer los mensajes de los usuarios finales ni enviar respuestas',
        'bot-not-reached': (platform) => `las llamadas de ${platform} se rechazan y los mensajes de los visitantes no llegan al bot`,
        'no-bot-department': (platform) => `las llamadas de ${platform} se rechazan: ningún departamento es atendido por el bot`,
        'no-handover': () => 'un visitante que pide hablar con una persona se queda con el bot',
    },
    emptySetting: (setting, effect) => `${setting} está vacío: ${effect}`,
    unknownDepartment: (setting, value) => `${setting} indica "${value}", que no es un departamento`,
    notConnected: (platform, call) => `${platform} aún no se ha conectado (llama a ${call} cuando se configura): no se pueden enviar las respuestas de los agentes`,

    notAllowed: 'Lo sentimos, /tickets es solo para administradores.',
    help: (sources) => [
        '*/tickets* (solo administradores)',
        '`/tickets status`: la configuración, el tráfico y la bandeja de salida de cada fuente, y las entregas aparcadas',
        '`/tickets retry`: envía de nuevo todas las entregas aparcadas',
        `\`/tickets retry <fuente>\`: solo las de una fuente (${sources})`,
        '`/tickets retry <id>`: una entrega aparcada (su id aparece en el estado)',
        '`/tickets help`: esta ayuda',
    ].join('\n'),
    unknownSubcommand: (given) => `Subcomando desconocido "${given}".`,

    statusTitle: '*Tickets: estado*',
    on: 'activado',
    off: 'desactivado',
    configured: 'configurado',
    notConfigured: 'sin configurar',
    openRooms: (count) => `${count} ${count === 1 ? 'sala abierta' : 'salas abiertas'}`,
    queued: (count) => `${count} en cola`,
    parked: (count) => `${count} ${count === 1 ? 'aparcada' : 'aparcadas'}`,
    parkedTitle: (shown, total) => (shown < total ? `*Entregas aparcadas* (las ${shown} más recientes de ${total})` : `*Entregas aparcadas* (${total}, las más recientes primero)`),
    parkedLine: (item) => `${item.source} ${item.kind} en la sala \`${item.room}\`, aparcada ${item.parkedAt} tras ${intentos(item.attempts)}: ${item.reason} (id \`${item.id}\`)`,
    noneParked: 'No hay ninguna entrega aparcada.',
    retryHint: 'Envíalas de nuevo con `/tickets retry`, `/tickets retry <fuente>` o `/tickets retry <id>`.',

    retried: (count) => `${count} ${count === 1 ? 'entrega aparcada enviada' : 'entregas aparcadas enviadas'} de nuevo: cada una vuelve a la cola de su conversación en el orden en que ocurrieron sus eventos.`,
    nothingToRetry: 'No había nada aparcado: no hay nada que enviar de nuevo.',
    stillParked: (count) => `${count} siguen aparcadas: vuelve a ejecutar el comando para enviarlas.`,
    unknownRetryTarget: (given, sources) => `"${given}" no es una fuente (${sources}) ni el id de una entrega aparcada.`,

    alertRoomMissing: (room) => `alert_room indica "${room}", pero ninguna sala tiene ese nombre: no se pueden publicar alertas`,
    alertRoomNotChannel: (room) => `alert_room indica "${room}", que no es un canal ni un grupo privado: no se publican alertas allí`,
    alertRoomRefused: (room, error, at) => `Rocket.Chat rechazó la publicación del bot en "${room}" (${at}): no se pueden publicar alertas allí hasta que se arregle. Su respuesta: ${error}`,
    alertsOff: '*Alertas*: desactivadas (alert_room está vacío)',
    alertsIn: (room, active) => `*Alertas* en "${room}": ${active} activas`,
    alert: esAlerts,
};
