// The connections every request goes through: proxy-aware (HTTP(S)_PROXY, NO_PROXY), and able to tell
// whether a request was ever written, which decides between "not sent" and "may have been created".
import { Agent, DecoratorHandler, type Dispatcher, EnvHttpProxyAgent, Pool } from 'undici'
import { isClearTextLoopback } from './loopback.js'

/** The code of the error that stands for a proxy hanging up on CONNECT (see tunnelPool). */
export const PROXY_CLOSED = 'VG_PROXY_CLOSED'

/**
 * The pool that asks the proxy for tunnels. undici takes a proxy that closes the connection instead of
 * answering CONNECT (UND_ERR_SOCKET) for a recoverable hiccup and reconnects at once, for ever: the request
 * never fails and the proxy sees thousands of connections a second. Here that closing fails the request,
 * which the client's own retry policy then paces and bounds.
 */
function tunnelPool(origin: URL, options: object): Dispatcher {
  const pool = new Pool(origin, options)
  const connect = pool.connect.bind(pool) as (o: Dispatcher.ConnectOptions) => Promise<Dispatcher.ConnectData>
  return Object.assign(pool, {
    connect: (o: Dispatcher.ConnectOptions) =>
      connect(o).catch((error: unknown) => {
        if ((error as { code?: unknown })?.code !== 'UND_ERR_SOCKET') throw error
        throw Object.assign(new Error('the proxy closed the connection without answering CONNECT', { cause: error }), {
          code: PROXY_CLOSED,
        })
      }),
  })
}

/**
 * A proxy for everything but http:// to this machine. That is allowed in clear text only because it stays
 * here: through a proxy the key would cross the network readable (and the proxy's loopback is not ours).
 */
function proxyingAllButClearTextLoopback(proxy: Dispatcher, direct: Dispatcher): Dispatcher {
  const routed = proxy.compose(
    (dispatch) => (opts, handler) =>
      isClearTextLoopback(opts.origin) ? direct.dispatch(opts, handler) : dispatch(opts, handler),
  )
  const destroyProxy = routed.destroy.bind(routed) as () => Promise<void>
  return Object.assign(routed, {
    destroy: () => Promise.all([direct.destroy(), destroyProxy()]).then(() => undefined),
  }) as Dispatcher
}

export function createDispatcher(env: NodeJS.ProcessEnv = process.env): Dispatcher {
  const options = { keepAliveTimeout: 4_000, connections: 16 }
  // undici 6 warns on stderr that EnvHttpProxyAgent is experimental: use it only when a proxy is set.
  const proxied = ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy'].some((name) => env[name])
  if (!proxied) return new Agent(options)
  // clientFactory reaches the proxy agents EnvHttpProxyAgent makes; its declared options leave it out.
  const proxy = new EnvHttpProxyAgent({ ...options, clientFactory: tunnelPool } as EnvHttpProxyAgent.Options)
  return proxyingAllButClearTextLoopback(proxy, new Agent(options))
}

/**
 * The dispatcher for one request, and whether undici began writing it. undici calls onConnect on a
 * connected (and, for https, handshaken) socket just before it writes the request line; a failure before
 * that cannot have reached the server, whatever the error says.
 */
export function tracked(dispatcher: Dispatcher): { dispatcher: Dispatcher; written: () => boolean } {
  let written = false
  // undici's typings declare no methods on DecoratorHandler, hence the call through its prototype.
  const forward = DecoratorHandler.prototype as Required<Dispatcher.DispatchHandlers>
  class Tracker extends DecoratorHandler {
    onConnect(abort: (err?: Error) => void): void {
      written = true
      forward.onConnect.call(this, abort)
    }
  }
  return {
    dispatcher: dispatcher.compose((dispatch) => (opts, handler) => dispatch(opts, new Tracker(handler))),
    written: () => written,
  }
}
