/** Everything a route needs, built once at start-up and passed in (tests build their own). */
import type { BlobStore } from './photos/blob-store.ts';
import type { TrustProxy } from './http/client.ts';
import type { LoginThrottle } from './http/login-throttle.ts';
import type { RateLimiter } from './http/rate-limit.ts';
import type { Deliverer } from './services/delivery.ts';
import type { PatrolBoard } from './services/patrol-board.ts';
import type { Store } from './storage/store.ts';

export interface ServerConfig {
  /** Public origin that goes into QR codes, e.g. https://pqm.example.com */
  publicUrl: string;
  /** Folder of the built PWA served at "/" (absent in API-only tests). */
  staticDir: string | null;
  /** Which X-Forwarded-For hops to trust for client addresses (only your own reverse proxies). */
  trustProxy: TrustProxy;
  sessionDays: number;
  /** A session unused this long is over. */
  sessionIdleMs: number;
  /** Sent as Strict-Transport-Security when the public origin is HTTPS. */
  https: boolean;
  /** Hosts a notification channel may reach over plain HTTP (an intranet system, a test receiver); all others need HTTPS. */
  plainHttpChannelHosts: string[];
}

export interface Deps {
  store: Store;
  board: PatrolBoard;
  blobs: BlobStore;
  limiter: RateLimiter;
  logins: LoginThrottle;
  /** Injected clock: production passes Date.now, tests a settable one. */
  clock: () => number;
  /** Server secret for deriving owners' tracking tokens (the same on every server of one database). */
  secret: string;
  /** Throws unless the database answers and the photos' storage can be reached. */
  health(): Promise<void>;
  config: ServerConfig;
  /** Sends the notification outbox (services/delivery.ts). */
  deliveries: Deliverer;
}
