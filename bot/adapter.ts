// The Bot Framework CloudAdapter, configured from our config: anonymous in local mode (no app id,
// as the Emulator expects), token-checked as soon as an app id is set.
import { CloudAdapter, ConfigurationBotFrameworkAuthentication, type ConfigurationBotFrameworkAuthenticationOptions } from 'botbuilder';
import type { Config } from './config.js';

export function createCloudAdapter(config: Config): CloudAdapter {
  const bf = config.botFramework;
  const options: ConfigurationBotFrameworkAuthenticationOptions = bf
    ? { MicrosoftAppId: bf.appId, MicrosoftAppPassword: bf.appPassword ?? '', MicrosoftAppType: bf.appType, MicrosoftAppTenantId: bf.tenantId ?? '' }
    : {};
  return new CloudAdapter(new ConfigurationBotFrameworkAuthentication(options));
}
