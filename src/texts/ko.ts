import { koAlerts } from './koAlerts';
import { OperatorTexts } from './OperatorTexts';

export const ko: OperatorTexts = {
    effect: {
        'calls-refused': (platform) => `${platform}의 호출이 거부됩니다`,
        'calls-refused-replies-not-sent': (platform) => `${platform}의 호출이 거부되고 답장을 보낼 수 없습니다`,
        'replies-not-sent': () => '답장을 보낼 수 없습니다',
        'messages-not-read': () => '최종 사용자의 메시지를 읽을 수 없고 답장도 보낼 수 없습니다',
        'bot-not-reached': (platform) => `${platform}의 호출이 거부되고 방문자의 메시지가 봇에 전달되지 않습니다`,
        'no-bot-department': (platform) => `${platform}의 호출이 거부됩니다. 봇이 담당하는 부서가 없습니다`,
        'no-handover': () => '상담원을 요청한 방문자가 계속 봇과 대화하게 됩니다',
    },
    emptySetting: (setting, effect) => `${setting} 값이 비어 있습니다: ${effect}`,
    unknownDepartment: (setting, value) => `${setting}에 지정된 "${value}"은(는) 부서가 아닙니다`,
    notConnected: (platform, call) => `${platform}가 아직 연결되지 않았습니다(설정되면 ${platform}가 ${call}를 호출합니다): 상담원의 답장을 보낼 수 없습니다`,

    notAllowed: '죄송합니다. /tickets 명령은 관리자만 사용할 수 있습니다.',
    help: (sources) => [
        '*/tickets* (관리자 전용)',
        '`/tickets status`: 소스별 설정, 트래픽, 발신함과 보류된 전송',
        '`/tickets retry`: 보류된 모든 전송을 다시 보냅니다',
        `\`/tickets retry <source>\`: 한 소스의 전송만 다시 보냅니다 (${sources})`,
        '`/tickets retry <item id>`: 보류된 전송 하나를 다시 보냅니다 (ID는 상태에 표시됩니다)',
        '`/tickets help`: 이 도움말',
    ].join('\n'),
    unknownSubcommand: (given) => `알 수 없는 하위 명령입니다: "${given}"`,

    statusTitle: '*Tickets: 상태*',
    on: '켜짐',
    off: '꺼짐',
    configured: '설정 완료',
    notConfigured: '설정 미완료',
    openRooms: (count) => `열린 대화방 ${count}개`,
    queued: (count) => `대기 ${count}건`,
    parked: (count) => `보류 ${count}건`,
    parkedTitle: (shown, total) => (shown < total ? `*보류된 전송* (전체 ${total}건 중 최신 ${shown}건)` : `*보류된 전송* (${total}건, 최신순)`),
    parkedLine: (item) => `${item.source} ${item.kind}, 대화방 \`${item.room}\`, ${item.parkedAt}에 ${item.attempts}회 시도 후 보류: ${item.reason} (ID \`${item.id}\`)`,
    noneParked: '보류된 전송이 없습니다.',
    retryHint: '`/tickets retry`, `/tickets retry <source>` 또는 `/tickets retry <item id>`로 다시 보낼 수 있습니다.',

    retried: (count) => `보류된 전송 ${count}건을 다시 보냅니다. 각 전송은 이벤트가 일어난 순서대로 해당 대화의 대기열로 돌아갑니다.`,
    nothingToRetry: '보류된 전송이 없어 다시 보낼 것이 없습니다.',
    stillParked: (count) => `${count}건이 아직 보류 중입니다. 명령을 다시 실행해 보내세요.`,
    unknownRetryTarget: (given, sources) => `"${given}"은(는) 소스(${sources})도 아니고 보류된 전송의 ID도 아닙니다.`,

    alertRoomMissing: (room) => `alert_room에 지정된 "${room}" 이름의 대화방이 없습니다: 알림을 올릴 수 없습니다`,
    alertRoomNotChannel: (room) => `alert_room에 지정된 "${room}"은(는) 채널이나 비공개 그룹이 아닙니다: 그곳에는 알림을 올리지 않습니다`,
    alertRoomRefused: (room, error, at) => `Rocket.Chat이 "${room}"에 대한 봇의 게시를 거부했습니다(${at}): 이 문제가 해결될 때까지 그곳에 알림을 올릴 수 없습니다. 응답: ${error}`,
    alertsOff: '*알림*: 꺼짐 (alert_room 값이 비어 있음)',
    alertsIn: (room, active) => `*알림* "${room}": 진행 중 ${active}건`,
    alert: koAlerts,
};
