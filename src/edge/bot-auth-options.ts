import { AuthenticationConstants } from 'botframework-connector';
import { CallerIdConstants } from 'botbuilder';

/**
 * The Bot Framework authentication settings that move where inbound tokens' signing keys are
 * fetched from (BOT_OPENID_METADATA_URL), with every other setting at the public cloud's
 * values: the SDK takes one such setting as a sign that all of them are given.
 */
export function openIdMetadataOptions(url: string | undefined): Record<string, string | boolean> {
  if (url === undefined) return {};
  return {
    ValidateAuthority: true,
    ToChannelFromBotLoginUrl: AuthenticationConstants.ToChannelFromBotLoginUrl,
    ToChannelFromBotOAuthScope: AuthenticationConstants.ToChannelFromBotOAuthScope,
    ToBotFromChannelTokenIssuer: AuthenticationConstants.ToBotFromChannelTokenIssuer,
    OAuthUrl: AuthenticationConstants.OAuthUrl,
    CallerId: CallerIdConstants.PublicAzureChannel,
    ToBotFromChannelOpenIdMetadataUrl: url,
    ToBotFromEmulatorOpenIdMetadataUrl: url,
  };
}
