export * from './topic-registry';
export * from './gen/atrium/common/v1/envelope_pb';
export * from './gen/atrium/common/v1/options_pb';
export * from './gen/atrium/member/v1/member_events_pb';
export * from './gen/atrium/points/v1/points_events_pb';
export * from './gen/atrium/points/v1/purchase_events_pb';
export * from './gen/atrium/sms/v1/sms_events_pb';
export * from './gen/atrium/member/v1/verification_events_pb';
