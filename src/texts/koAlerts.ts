import { AlertTexts } from './AlertTexts';

export const koAlerts: AlertTexts = {
    greeting: (failingMinutes, perHour) => `:bell: Tickets가 이 대화방에 알림을 올립니다: 보류된 전송, ${failingMinutes}분 동안 실패하는 수신 측, 잘못된 서명이나 토큰으로 거부된 요청, 필요한 설정 없이 켜진 소스. 각 알림이 해소되면 한 줄이 뒤따르며, 소스마다 시간당 최대 ${perHour}건입니다.`,
    appEndpoints: 'Tickets 자체 엔드포인트',
    parked: (alert) => `:warning: *${alert.label}*: 전송 하나가 보류되었습니다. 지금 보류된 전송은 ${alert.parked}건이며, 가장 최근 건(대화방 \`${alert.room}\`, ID \`${alert.item}\`): ${alert.reason}. 수신 측을 고친 뒤 \`/tickets retry ${alert.source}\`로 다시 보내세요`,
    parkedCleared: (label) => `:white_check_mark: *${label}*: 이제 보류된 전송이 없습니다.`,
    failing: (alert) => `:warning: *${alert.label}*: ${alert.minutes}분 동안(${alert.since}부터) 모든 전송 시도가 실패했습니다. 대기 중인 대화 ${alert.conversations}개. 마지막 오류: ${alert.lastError}. 앱은 계속 재시도하며, \`/tickets status\`에서 대화별 다음 시도를 볼 수 있습니다.`,
    failingCleared: (label) => `:white_check_mark: *${label}*: 이제 전송이 실패하지 않습니다.`,
    refusals: (label, count, minutes) => `:warning: *${label}*: 최근 ${minutes}분 동안 잘못된 서명이나 토큰으로 요청 ${count}건이 거부되었습니다. 누군가 엔드포인트를 탐색하고 있거나, 비밀 값이 한쪽에서만 바뀌었습니다. 플랫폼과 앱 설정의 비밀 값이 같은지 확인하세요.`,
    refusalsCleared: (label, quietMinutes) => `:white_check_mark: *${label}*: ${quietMinutes}분 동안 잘못된 서명이나 토큰으로 거부된 요청이 없습니다.`,
    configuration: (label, problems) => [`:warning: *${label}*가 켜져 있지만 설정이 완료되지 않았습니다:`, ...problems.map((problem) => `• ${problem}`)].join('\n'),
    configurationCleared: (label) => `:white_check_mark: *${label}*: 이제 설정에 빠진 것이 없습니다(또는 꺼졌습니다).`,
    heldBack: (label, until, perHour) => `(${label}의 다음 알림은 ${until}까지 보류됩니다: 시간당 최대 ${perHour}건.)`,
};
