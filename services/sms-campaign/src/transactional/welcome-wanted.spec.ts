import { RegistrationChannel } from '@atrium/contracts';
import { welcomeWanted } from './welcome-wanted';

describe('welcomeWanted', () => {
  it('follows the registration when it says', () => {
    expect(welcomeWanted({ sendWelcome: false, channel: RegistrationChannel.IMPORT })).toBe(false);
    expect(welcomeWanted({ sendWelcome: true, channel: RegistrationChannel.IMPORT })).toBe(true);
    expect(welcomeWanted({ sendWelcome: false, channel: RegistrationChannel.DESK })).toBe(false);
  });

  it('welcomes every channel but an import when the registration does not say', () => {
    expect(welcomeWanted({ channel: RegistrationChannel.DESK })).toBe(true);
    expect(welcomeWanted({ channel: RegistrationChannel.SELF_SERVICE })).toBe(true);
    expect(welcomeWanted({ channel: RegistrationChannel.IMPORT })).toBe(false);
  });
});
