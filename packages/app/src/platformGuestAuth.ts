import {
  BackstageIdentityApi,
  BackstageIdentityResponse,
  createApiFactory,
  createApiRef,
  discoveryApiRef,
  DiscoveryApi,
  ProfileInfo,
  ProfileInfoApi,
  SessionApi,
  SessionState,
} from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import type { Observable, Observer } from '@backstage/types';

/** What `/api/auth/<provider>/refresh` answers for a proxy provider. */
interface RefreshResponse {
  backstageIdentity: {
    token: string;
    expiresInSeconds?: number;
    identity: BackstageIdentityResponse['identity'];
  };
  profile: ProfileInfo;
}

/** An observable of one value, emitted on subscription: a proxied session does not change while the page lives. */
function constant<T>(value: T): Observable<T> {
  const observable: Observable<T> = {
    [Symbol.observable]: () => observable,
    subscribe(
      observerOrNext?: Observer<T> | ((value: T) => void),
    ): ReturnType<Observable<T>['subscribe']> {
      const next =
        typeof observerOrNext === 'function'
          ? observerOrNext
          : observerOrNext?.next?.bind(observerOrNext);
      next?.(value);
      return { unsubscribe: () => {}, closed: true };
    },
  };
  return observable;
}

/**
 * The sign-in of a proxy auth provider of the backend (one that needs no
 * popup: it signs in whoever asks, from the backend's own configuration).
 * The demo uses it for `platform-guest` (packages/backend/src/demoPlatformSignIn.ts),
 * a second identity beside the guest.
 */
class ProxiedAuth implements ProfileInfoApi, BackstageIdentityApi, SessionApi {
  private session?: { response: Promise<RefreshResponse>; fetchedAt: number };

  constructor(
    private readonly provider: string,
    private readonly discoveryApi: DiscoveryApi,
  ) {}

  private async refresh(): Promise<RefreshResponse> {
    const baseUrl = await this.discoveryApi.getBaseUrl('auth');
    const response = await fetch(`${baseUrl}/${this.provider}/refresh`, {
      headers: { 'x-requested-with': 'XMLHttpRequest' },
      credentials: 'include',
    });
    if (!response.ok) throw await ResponseError.fromResponse(response);
    return response.json();
  }

  /** The session, asked for again a minute before its token runs out (or after a failure). */
  private async current(): Promise<RefreshResponse> {
    if (this.session) {
      const response = await this.session.response.catch(() => undefined);
      const lifetime = response?.backstageIdentity.expiresInSeconds ?? 3600;
      if (
        response &&
        Date.now() < this.session.fetchedAt + (lifetime - 60) * 1000
      ) {
        return response;
      }
    }
    this.session = { response: this.refresh(), fetchedAt: Date.now() };
    return this.session.response;
  }

  async getBackstageIdentity(): Promise<BackstageIdentityResponse> {
    const { backstageIdentity } = await this.current();
    return {
      token: backstageIdentity.token,
      identity: backstageIdentity.identity,
    };
  }

  async getProfile(): Promise<ProfileInfo> {
    return (await this.current()).profile;
  }

  async signIn(): Promise<void> {
    await this.current();
  }

  async signOut(): Promise<void> {
    this.session = undefined;
  }

  sessionState$(): Observable<SessionState> {
    return constant<SessionState>(SessionState.SignedIn);
  }
}

/** The demo's platform-engineer sign-in. */
export const platformGuestAuthApiRef = createApiRef<
  ProfileInfoApi & BackstageIdentityApi & SessionApi
>({ id: 'demo.auth.platform-guest' });

export const platformGuestAuthApiFactory = createApiFactory({
  api: platformGuestAuthApiRef,
  deps: { discoveryApi: discoveryApiRef },
  factory: ({ discoveryApi }) =>
    new ProxiedAuth('platform-guest', discoveryApi),
});
