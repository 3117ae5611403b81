//! `dedale-cli serve`: one process for a whole workshop. It serves the web
//! build to the learners' browsers, collects their anonymous xAPI statements
//! (refusing anything that could say who they are), shows the trainer the
//! group live at `/formateur`, and can relay every statement to the
//! organisation's own Learning Record Store.

mod dashboard;
mod forward;
pub mod privacy;
mod store;
mod web;
mod xapi;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;

use axum::Router;
use axum::extract::{DefaultBodyLimit, Request, State};
use axum::http::{HeaderValue, Method, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use base64::Engine;
use dedale_core::Lang;
use tokio::sync::watch;
use tower_http::cors::{AllowOrigin, CorsLayer};

use store::Store;

/// The login every request gives with the workshop's key.
pub const USER: &str = "atelier";

/// What `serve` was asked for.
#[derive(Clone, Debug)]
pub struct Options {
    /// Address to listen on.
    pub listen: SocketAddr,
    /// The web build.
    pub dir: PathBuf,
    /// Folder of the SQLite file (when no `database`).
    pub data: PathBuf,
    /// A database URL (`postgres://…`), instead of the SQLite file.
    pub database: Option<String>,
    /// The workshop's key; drawn at random when absent.
    pub key: Option<String>,
    /// The statements endpoint of an LRS to relay every statement to.
    pub forward: Option<forward::Target>,
    /// Language of the dashboard, the report and the messages.
    pub lang: Lang,
}

pub use forward::Target as ForwardTarget;

/// What every handler shares.
pub struct App {
    store: Store,
    key: String,
    root: PathBuf,
    link: String,
    lang: Lang,
    /// Bumped each time new statements are stored: the dashboard and the relay wake on it.
    changed: watch::Sender<u64>,
}

/// Where statements go without `--data`: beside the game's own sessions
/// (`$DEDALE_DONNEES`, or `~/.local/share/dedale`), in `atelier/`.
pub fn default_data() -> PathBuf {
    let base = std::env::var_os("DEDALE_DONNEES")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            let home = std::env::var_os("HOME")
                .map(PathBuf::from)
                .unwrap_or_default();
            home.join(".local/share/dedale")
        });
    base.join("atelier")
}

/// Runs the server until Ctrl+C.
pub fn run(options: Options) -> Result<bool, String> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|e| {
            format!("impossible de démarrer le serveur : {e}\n(cannot start the server: {e})")
        })?;
    runtime.block_on(serve(options))
}

async fn serve(options: Options) -> Result<bool, String> {
    let lang = options.lang;
    let store = match &options.database {
        Some(url) => Store::open(url, 8).await?,
        None => Store::sqlite(&options.data).await?,
    };
    let key = options.key.clone().unwrap_or_else(random_key);
    if key.is_empty() || key.contains(':') {
        return Err(lang
            .pick(
                "--key : la clé ne peut pas être vide ni contenir « : »",
                "--key: the key can be neither empty nor contain \":\"",
            )
            .into());
    }
    let listener = tokio::net::TcpListener::bind(options.listen)
        .await
        .map_err(|e| match lang {
            Lang::En => format!("cannot listen on {}: {e}", options.listen),
            _ => format!("impossible d'écouter sur {} : {e}", options.listen),
        })?;
    let address = listener.local_addr().map_err(|e| e.to_string())?;
    let link = workshop_link(address, &key);
    let (changed, _) = watch::channel(0);
    let app = Arc::new(App {
        store,
        key: key.clone(),
        root: options.dir.clone(),
        link: link.clone(),
        lang,
        changed,
    });
    if !options.dir.join("index.html").is_file() {
        eprintln!(
            "{}",
            match lang {
                Lang::En => format!(
                    "warning: {} has no index.html: build the game with web/build.sh, or give --dir",
                    options.dir.display()
                ),
                _ => format!(
                    "attention : {} n'a pas d'index.html : construisez le jeu avec web/build.sh, ou donnez --dir",
                    options.dir.display()
                ),
            }
        );
    }
    let open_to_room = address.ip().is_unspecified() || !address.ip().is_loopback();
    let port = address.port();
    match lang {
        Lang::En => {
            println!("Dédale: http://127.0.0.1:{port}/ (Ctrl+C to stop)");
            println!("Workshop link: {link}");
            println!(
                "Trainer's dashboard: http://127.0.0.1:{port}/formateur (user {USER}, key {key})"
            );
            if open_to_room {
                println!("Open to the room: every device on this network can reach {address}.");
            }
        }
        _ => {
            println!("Dédale : http://127.0.0.1:{port}/ (Ctrl+C pour arrêter)");
            println!("Lien de l'atelier : {link}");
            println!(
                "Tableau de bord du formateur : http://127.0.0.1:{port}/formateur (utilisateur {USER}, clé {key})"
            );
            if open_to_room {
                println!("Ouvert à la salle : tout appareil de ce réseau peut joindre {address}.");
            }
        }
    }
    match &options.database {
        Some(_) => println!(
            "{}",
            lang.pick(
                "Déclarations gardées dans PostgreSQL.",
                "Statements kept in PostgreSQL."
            )
        ),
        None => println!(
            "{}",
            match lang {
                Lang::En => format!(
                    "Statements kept in {}",
                    options.data.join("dedale.sqlite3").display()
                ),
                _ => format!(
                    "Déclarations gardées dans {}",
                    options.data.join("dedale.sqlite3").display()
                ),
            }
        ),
    }
    if let Some(target) = options.forward.clone() {
        tokio::spawn(forward::relay(app.clone(), target));
    }
    axum::serve(listener, router(app))
        .with_graceful_shutdown(async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await
        .map_err(|e| e.to_string())?;
    Ok(true)
}

fn router(app: Arc<App>) -> Router {
    let cors = CorsLayer::new()
        .allow_origin(AllowOrigin::mirror_request())
        .allow_credentials(true)
        .allow_methods([Method::GET, Method::POST, Method::PUT, Method::OPTIONS])
        .allow_headers([
            header::AUTHORIZATION,
            header::CONTENT_TYPE,
            header::HeaderName::from_static("x-experience-api-version"),
        ])
        .expose_headers([
            header::HeaderName::from_static("x-experience-api-version"),
            header::HeaderName::from_static("x-experience-api-consistent-through"),
        ]);
    let xapi = Router::new()
        .route(
            "/xapi/statements",
            get(xapi::get).post(xapi::post).put(xapi::put),
        )
        .route("/xapi/about", get(xapi::about))
        .layer(DefaultBodyLimit::max(xapi::MAX_BODY_BYTES))
        .layer(middleware::from_fn(xapi::version))
        .layer(middleware::from_fn_with_state(app.clone(), auth))
        .layer(cors);
    let trainer = dashboard::routes().layer(middleware::from_fn_with_state(app.clone(), auth));
    Router::new()
        .merge(xapi)
        .merge(trainer)
        .fallback(static_file)
        .with_state(app)
}

/// HTTP Basic with user [`USER`] and the workshop's key; `/xapi/about` is open.
async fn auth(State(app): State<Arc<App>>, request: Request, next: Next) -> Response {
    if request.uri().path() == "/xapi/about" || request.method() == Method::OPTIONS {
        return next.run(request).await;
    }
    let given = request
        .headers()
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Basic "))
        .and_then(|b| {
            base64::engine::general_purpose::STANDARD
                .decode(b.trim())
                .ok()
        })
        .unwrap_or_default();
    let expected = format!("{USER}:{}", app.key);
    if same(&given, expected.as_bytes()) {
        return next.run(request).await;
    }
    let mut response = xapi::problem(
        StatusCode::UNAUTHORIZED,
        "identifiant ou clé de l'atelier incorrects : utilisateur « atelier », clé affichée au démarrage du serveur",
        "wrong login or workshop key: user \"atelier\", key printed when the server started",
    );
    response.headers_mut().insert(
        header::WWW_AUTHENTICATE,
        HeaderValue::from_static("Basic realm=\"Dedale\", charset=\"UTF-8\""),
    );
    response
}

/// Compares without stopping at the first difference (the time taken says nothing of the key).
fn same(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

async fn static_file(State(app): State<Arc<App>>, request: Request) -> Response {
    let method = request.method().clone();
    if method != Method::GET && method != Method::HEAD {
        return StatusCode::METHOD_NOT_ALLOWED.into_response();
    }
    web::serve(&app.root, &method, request.uri().path(), request.headers()).await
}

/// A key easy to read aloud and type on a phone: 12 lowercase letters and digits.
fn random_key() -> String {
    const ALPHABET: &[u8] = b"abcdefghjkmnpqrstuvwxyz23456789";
    let mut bytes = [0u8; 12];
    if getrandom::fill(&mut bytes).is_err() {
        bytes.copy_from_slice(&store::now_us().to_le_bytes().repeat(2)[..12]);
    }
    bytes
        .iter()
        .map(|b| char::from(ALPHABET[usize::from(*b) % ALPHABET.len()]))
        .collect()
}

/// The link learners open: this machine's address on the room's network when
/// listening on every interface, and the key after `#` (never sent in a
/// request line, so it stays out of proxies' logs), where the game reads it.
fn workshop_link(address: SocketAddr, key: &str) -> String {
    let host = if address.ip().is_unspecified() {
        room_address().unwrap_or_else(|| address.ip().to_string())
    } else {
        address.ip().to_string()
    };
    let host = if host.contains(':') {
        format!("[{host}]")
    } else {
        host
    };
    format!("http://{host}:{}/#atelier={key}", address.port())
}

/// The address other machines reach this one at: the one the system would
/// send from towards a private network (a UDP "connection" sends nothing).
fn room_address() -> Option<String> {
    let socket = std::net::UdpSocket::bind("0.0.0.0:0").ok()?;
    socket.connect("192.168.255.255:9").ok()?;
    let ip = socket.local_addr().ok()?.ip();
    (!ip.is_unspecified() && !ip.is_loopback()).then(|| ip.to_string())
}
