import { OperatorTexts } from './OperatorTexts';
import { ptBRAlerts } from './ptBRAlerts';

const tentativas = (count: number): string => `${count} ${count === 1 ? 'tentativa' : 'tentativas'}`;

export const ptBR: OperatorTexts = {
    effect: {
        'calls-refused': (platform) => `as chamadas de ${platform} são recusadas`,
        'calls-refused-replies-not-sent': (platform) => `as chamadas de ${platform} são recusadas e as respostas não podem ser enviadas`,
        'replies-not-sent': () => 'as respostas não podem ser enviadas',
        'messages-not-read': () => 'as mensagens dos usuários finais não podem ser lidas nem as respostas enviadas',
        'bot-not-reached': (platform) => `as chamadas de ${platform} são recusadas e as mensagens dos visitantes não chegam ao bot`,
        'no-bot-department': (platform) => `as chamadas de ${platform} são recusadas: nenhum departamento é atendido pelo bot`,
        'no-handover': () => 'um visitante que pede para falar com uma pessoa continua com o bot',
    },
    emptySetting: (setting, effect) => `${setting} está vazio: ${effect}`,
    unknownDepartment: (setting, value) => `${setting} indica "${value}", que não é um departamento`,
    notConnected: (platform, call) => `O ${platform} ainda não se conectou (ele chama ${call} quando é configurado): as respostas dos agentes não podem ser enviadas`,

    notAllowed: 'Desculpe, /tickets é apenas para administradores.',
    help: (sources) => [
        '*/tickets* (apenas administradores)',
        '`/tickets status`: a configuração, o tráfego e a caixa de saída de cada origem, e as entregas estacionadas',
        '`/tickets retry`: envia de novo todas as entregas estacionadas',
        `\`/tickets retry <origem>\`: só as de uma origem (${sources})`,
        '`/tickets retry <id>`: uma entrega estacionada (o id aparece no status)',
        '`/tickets help`: esta ajuda',
    ].join('\n'),
    unknownSubcommand: (given) => `Subcomando desconhecido "${given}".`,

    statusTitle: '*Tickets: status*',
    on: 'ligado',
    off: 'desligado',
    configured: 'configurado',
    notConfigured: 'não configurado',
    openRooms: (count) => `${count} ${count === 1 ? 'sala aberta' : 'salas abertas'}`,
    queued: (count) => `${count} na fila`,
    parked: (count) => `${count} ${count === 1 ? 'estacionada' : 'estacionadas'}`,
    parkedTitle: (shown, total) => (shown < total ? `*Entregas estacionadas* (as ${shown} mais recentes de ${total})` : `*Entregas estacionadas* (${total}, as mais recentes primeiro)`),
    parkedLine: (item) => `${item.source} ${item.kind} na sala \`${item.room}\`, estacionada em ${item.parkedAt} após ${tentativas(item.attempts)}: ${item.reason} (id \`${item.id}\`)`,
    noneParked: 'Nenhuma entrega está estacionada.',
    retryHint: 'Envie-as de novo com `/tickets retry`, `/tickets retry <origem>` ou `/tickets retry <id>`.',

    retried: (count) => `${count} ${count === 1 ? 'entrega estacionada enviada' : 'entregas estacionadas enviadas'} de novo: cada uma volta para a fila da sua conversa na ordem em que os eventos aconteceram.`,
    nothingToRetry: 'Nada estava estacionado: não há nada para enviar de novo.',
    stillParked: (count) => `${count} continuam estacionadas: execute o comando de novo para enviá-las.`,
    unknownRetryTarget: (given, sources) => `"${given}" não é uma origem (${sources}) nem o id de uma entrega estacionada.`,

    alertRoomMissing: (room) => `alert_room indica "${room}", mas nenhuma sala tem esse nome: os alertas não podem ser publicados`,
    alertRoomNotChannel: (room) => `alert_room indica "${room}", que não é um canal nem um grupo privado: os alertas não são publicados lá`,
    alertRoomRefused: (room, error, at) => `O Rocket.Chat recusou a publicação do bot em "${room}" (${at}): os alertas não podem ser publicados lá até que isso seja corrigido. A resposta dele: ${error}`,
    alertsOff: '*Alertas*: desligados (alert_room está vazio)',
    alertsIn: (room, active) => `*Alertas* em "${room}": ${active} ativos`,
    alert: ptBRAlerts,
};
