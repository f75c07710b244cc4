import { AlertTexts } from './AlertTexts';

export const thAlerts: AlertTexts = {
    greeting: (failingMinutes, perHour) => `:bell: Tickets จะโพสต์การแจ้งเตือนในห้องนี้: การส่งที่ถูกพักไว้ ปลายทางที่ล้มเหลวนาน ${failingMinutes} นาที คำขอที่ถูกปฏิเสธเพราะลายเซ็นหรือโทเค็นไม่ถูกต้อง และแหล่งที่เปิดอยู่แต่ขาดการตั้งค่าที่จำเป็น เมื่อแต่ละเรื่องคลี่คลายจะมีอีกหนึ่งบรรทัดตามมา แต่ละแหล่งแจ้งเตือนได้ไม่เกิน ${perHour} ครั้งต่อชั่วโมง`,
    appEndpoints: 'endpoint ของ Tickets เอง',
    parked: (alert) => `:warning: *${alert.label}*: มีการส่งถูกพักไว้ ตอนนี้ถูกพักไว้ ${alert.parked} รายการ รายการล่าสุด (ห้อง \`${alert.room}\` รหัส \`${alert.item}\`): ${alert.reason} เมื่อแก้ไขปลายทางแล้ว ส่งอีกครั้งได้ด้วย \`/tickets retry ${alert.source}\``,
    parkedCleared: (label) => `:white_check_mark: *${label}*: ไม่มีการส่งที่ถูกพักไว้แล้ว`,
    failing: (alert) => `:warning: *${alert.label}*: การพยายามส่งทุกครั้งล้มเหลวมา ${alert.minutes} นาทีแล้ว (ตั้งแต่ ${alert.since}) มีบทสนทนารออยู่ ${alert.conversations} รายการ ข้อผิดพลาดล่าสุด: ${alert.lastError} แอปจะลองส่งต่อไป \`/tickets status\` แสดงการลองครั้งถัดไปของแต่ละบทสนทนา`,
    failingCleared: (label) => `:white_check_mark: *${label}*: การส่งไม่ล้มเหลวอีกแล้ว`,
    refusals: (label, count, minutes) => `:warning: *${label}*: มีคำขอ ${count} รายการถูกปฏิเสธเพราะลายเซ็นหรือโทเค็นไม่ถูกต้องในช่วง ${minutes} นาทีที่ผ่านมา อาจมีผู้ลองเรียก endpoint หรือมีการเปลี่ยนรหัสลับเพียงฝั่งเดียว ตรวจสอบว่าแพลตฟอร์มและการตั้งค่าของแอปใช้รหัสลับเดียวกัน`,
    refusalsCleared: (label, quietMinutes) => `:white_check_mark: *${label}*: ไม่มีคำขอถูกปฏิเสธเพราะลายเซ็นหรือโทเค็นไม่ถูกต้องมา ${quietMinutes} นาทีแล้ว`,
    configuration: (label, problems) => [`:warning: *${label}* เปิดอยู่แต่ตั้งค่ายังไม่ครบ:`, ...problems.map((problem) => `• ${problem}`)].join('\n'),
    configurationCleared: (label) => `:white_check_mark: *${label}*: การตั้งค่าไม่มีสิ่งใดขาดแล้ว (หรือถูกปิดไปแล้ว)`,
    heldBack: (label, until, perHour) => `(การแจ้งเตือนถัดไปของ ${label} จะถูกระงับไว้จนถึง ${until}: ไม่เกิน ${perHour} ครั้งต่อชั่วโมง)`,
};
