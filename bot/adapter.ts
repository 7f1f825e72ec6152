// The Bot Framework CloudAdapter, configured from our config: anonymous in local mode (no app id,
// as the Emulator expects), token-checked as soon as an app id is set. The request is
// authenticated before the turn, so that every failure to check a token (forged, unsigned,
// expired, wrong audience, signing keys unreachable) is a 401, never a 500.
import { CloudAdapter, ConfigurationBotFrameworkAuthentication, type Activity, type ConfigurationBotFrameworkAuthenticationOptions, type InvokeResponse, type TurnContext } from 'botbuilder';
import { AuthenticationConstants } from 'botframework-connector';
import type { Config } from './config.js';

export type Handled = { ok: true; response: InvokeResponse | undefined } | { ok: false; unauthorized: string };

export class HelpdeskCloudAdapter extends CloudAdapter {
  /** Authenticates the request, then runs the turn; a request that cannot be authenticated is refused. */
  async handle(authHeader: string, activity: Activity, logic: (context: TurnContext) => Promise<void>): Promise<Handled> {
    let authenticated;
    try {
      authenticated = await this.botFrameworkAuthentication.authenticateRequest(activity, authHeader);
    } catch (err) {
      return { ok: false, unauthorized: err instanceof Error ? err.message : String(err) };
    }
    return { ok: true, response: await this.processActivity(authenticated, activity, logic) };
  }
}

export function createCloudAdapter(config: Config): HelpdeskCloudAdapter {
  const bf = config.botFramework;
  const options: ConfigurationBotFrameworkAuthenticationOptions = bf
    ? {
        MicrosoftAppId: bf.appId,
        MicrosoftAppPassword: bf.appPassword ?? '',
        MicrosoftAppType: bf.appType,
        MicrosoftAppTenantId: bf.tenantId ?? '',
        // Another place to fetch the token signing keys from (tests serve their own); the public
        // cloud's other settings stay as they are.
        ...(bf.openIdMetadataUrl
          ? {
              ToBotFromChannelOpenIdMetadataUrl: bf.openIdMetadataUrl,
              ToBotFromEmulatorOpenIdMetadataUrl: bf.openIdMetadataUrl,
              ToBotFromChannelTokenIssuer: AuthenticationConstants.ToBotFromChannelTokenIssuer,
              ToChannelFromBotLoginUrl: AuthenticationConstants.ToChannelFromBotLoginUrl,
              ToChannelFromBotOAuthScope: AuthenticationConstants.ToChannelFromBotOAuthScope,
              OAuthUrl: AuthenticationConstants.OAuthUrl,
              ValidateAuthority: true,
            }
          : {}),
      }
    : {};
  return new HelpdeskCloudAdapter(new ConfigurationBotFrameworkAuthentication(options));
}
