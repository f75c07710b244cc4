import { AlertTexts } from './AlertTexts';

export const ptBRAlerts: AlertTexts = {
    greeting: (failingMinutes, perHour) => `:bell: O Tickets publica seus alertas nesta sala: entregas estacionadas, receptores falhando por ${failingMinutes} minutos, requisições recusadas por assinatura ou token errado, origens ligadas sem as configurações de que precisam. Uma linha segue quando cada um se resolve; no máximo ${perHour} alertas por hora por origem.`,
    appEndpoints: 'Endpoints do próprio Tickets',
    parked: (alert) => `:warning: *${alert.label}*: uma entrega foi estacionada. ${alert.parked === 1 ? '1 entrega está estacionada' : `${alert.parked} entregas estão estacionadas`}; a mais recente (sala \`${alert.room}\`, id \`${alert.item}\`): ${alert.reason}. Quando o receptor estiver corrigido, envie-as de novo com \`/tickets retry ${alert.source}\``,
    parkedCleared: (label) => `:white_check_mark: *${label}*: nenhuma entrega está estacionada agora.`,
    failing: (alert) => `:warning: *${alert.label}*: todas as tentativas de entrega falham há ${alert.minutes} minutos (desde ${alert.since}); ${alert.conversations === 1 ? '1 conversa está esperando' : `${alert.conversations} conversas estão esperando`}. Último erro: ${alert.lastError}. O app continua tentando; \`/tickets status\` mostra a próxima tentativa de cada conversa.`,
    failingCleared: (label) => `:white_check_mark: *${label}*: as entregas não estão mais falhando.`,
    refusals: (label, count, minutes) => `:warning: *${label}*: ${count} ${count === 1 ? 'requisição recusada' : 'requisições recusadas'} por assinatura ou token errado nos últimos ${minutes} minutos: alguém sondando o endpoint, ou um segredo trocado de um lado só. Confira se a plataforma e as configurações do app têm o mesmo segredo.`,
    refusalsCleared: (label, quietMinutes) => `:white_check_mark: *${label}*: nenhuma requisição recusada por assinatura ou token errado há ${quietMinutes} minutos.`,
    configuration: (label, problems) => [`:warning: *${label}* está ligado mas não configurado:`, ...problems.map((problem) => `• ${problem}`)].join('\n'),
    configurationCleared: (label) => `:white_check_mark: *${label}*: não falta mais nada na configuração (ou foi desligado).`,
    heldBack: (label, until, perHour) => `(Os próximos alertas de ${label} ficam retidos até ${until}: no máximo ${perHour} por hora.)`,
};
