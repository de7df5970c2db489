// RegistryClient against a small scripted registry on a loopback TCP port (LocalServer; a
// token realm is a URL): Link pagination, a registry that loops its Link, the Bearer token flow
// (realm, service, scope, Basic credentials to the token server, token reuse), credentials
// withheld from a plain-http realm on another host, identity tokens as refresh tokens, Basic
// credentials, missing credentials with the reason, HEAD digests with the Accept types,
// registry error bodies, and input refused before any request.
#include "engine/dockerconfig.h"
#include "engine/parse.h"
#include "engine/registryclient.h"
#include "tests/support/fakeengine.h"
#include "tests/support/localserver.h"

#include <QtTest>

using namespace std::chrono_literals;
using slipway::engine::AuthChallenge;
using slipway::engine::ErrorKind;
using slipway::engine::RegistryClient;
using slipway::engine::RegistryCredentials;
using slipway::engine::RegistryEndpoint;
using slipway::engine::TagDigest;
using slipway::test::LocalServer;
using slipway::test::waitFor;

namespace {

const std::string kDigest =
    "sha256:adf306e4162c9da5b49932f46556e440a7297a0a52c7bb3edfc92ca8bd0a096e";

LocalServer::Reply json(int status, std::string body) {
    return {status, {{"Content-Type", "application/json"}}, std::move(body)};
}

RegistryEndpoint local(const LocalServer &server) {
    auto r = RegistryEndpoint::forHost(server.hostPort());
    return r.ok() ? r.value() : RegistryEndpoint{};
}

std::unique_ptr<RegistryClient> client(const LocalServer &server,
                                       std::optional<RegistryCredentials> credentials = {},
                                       std::string problem = {}, int maxPages = 1000) {
    RegistryClient::Options options;
    options.timeout = 5s;
    options.maxPages = maxPages;
    return std::make_unique<RegistryClient>(local(server), std::move(credentials),
                                            std::move(problem), options);
}

std::string path(const std::string &target) {
    return target.substr(0, target.find('?'));
}

std::string basic(const std::string &user, const std::string &password) {
    return "Basic " + slipway::engine::encodeBase64(user + ":" + password);
}

} // namespace

class TestRegistryClient : public QObject {
    Q_OBJECT

private slots:
    void endpoints() {
        auto loop = RegistryEndpoint::forHost("127.0.0.1:5515");
        QVERIFY(loop.ok());
        QCOMPARE(loop.value().endpoint.baseUrl(), std::string("http://127.0.0.1:5515"));
        QCOMPARE(loop.value().name, std::string("127.0.0.1:5515"));
        auto named = RegistryEndpoint::forHost("Registry.Example.com");
        QVERIFY(named.ok());
        QCOMPARE(named.value().endpoint.baseUrl(), std::string("https://registry.example.com:443"));
        auto insecure = RegistryEndpoint::forHost("build.lan:5000", true);
        QCOMPARE(insecure.value().endpoint.baseUrl(), std::string("http://build.lan:5000"));
        auto hub = RegistryEndpoint::forHost("");
        QCOMPARE(hub.value().name, std::string("docker.io"));
        QCOMPARE(hub.value().endpoint.baseUrl(), std::string("https://registry-1.docker.io:443"));
        auto bad = RegistryEndpoint::forHost("bad host:99999");
        QVERIFY(!bad.ok());
        QCOMPARE(bad.error().kind, ErrorKind::InvalidInput);
        QVERIFY(bad.error().message.find("bad host") != std::string::npos);
    }

    void splitRepository() {
        auto own = RegistryClient::splitRepository("127.0.0.1:5515/slipway/web:1.0.0");
        QVERIFY(own.ok());
        QCOMPARE(own.value().first, std::string("127.0.0.1:5515"));
        QCOMPARE(own.value().second, std::string("slipway/web"));
        auto hub = RegistryClient::splitRepository("nginx");
        QCOMPARE(hub.value().first, std::string("docker.io"));
        QCOMPARE(hub.value().second, std::string("library/nginx"));
        auto pinned = RegistryClient::splitRepository("ghcr.io/team/app@" + kDigest);
        QCOMPARE(pinned.value().second, std::string("team/app"));
        auto bad = RegistryClient::splitRepository("Team/App");
        QVERIFY(!bad.ok());
        QCOMPARE(bad.error().kind, ErrorKind::InvalidInput);
    }

    void challenges() {
        auto c = slipway::engine::parseChallenges(
            "Bearer realm=\"https://auth.example.com/token\",service=\"registry.example.com\","
            "scope=\"repository:team/app:pull\", Basic realm=\"Registry Realm\"");
        QCOMPARE(c.size(), std::size_t(2));
        QCOMPARE(c[0].scheme, std::string("bearer"));
        QCOMPARE(c[0].params["realm"], std::string("https://auth.example.com/token"));
        QCOMPARE(c[0].params["service"], std::string("registry.example.com"));
        QCOMPARE(c[0].params["scope"], std::string("repository:team/app:pull"));
        QCOMPARE(c[1].scheme, std::string("basic"));
        QCOMPARE(c[1].params["realm"], std::string("Registry Realm"));
        QVERIFY(slipway::engine::parseChallenges("").empty());
    }

    void links() {
        using slipway::engine::nextLinkTarget;
        QCOMPARE(nextLinkTarget("</v2/a/tags/list?last=b&n=2>; rel=\"next\""),
                 std::string("/v2/a/tags/list?last=b&n=2"));
        QCOMPARE(nextLinkTarget("<https://r.example.com/v2/a/tags/list?last=c>; rel=next"),
                 std::string("/v2/a/tags/list?last=c"));
        QCOMPARE(nextLinkTarget("</v2/a/tags/list?last=a>; rel=\"prev\""), std::string());
        QCOMPARE(nextLinkTarget(""), std::string());
        // A "://" inside a relative link's query is not a scheme (found by fuzz_registry: the
        // link was cut to "/y", and the next page asked for was not the registry's).
        QCOMPARE(nextLinkTarget("</v2/a/tags/list?n=2&last=http://x/y>; rel=next"),
                 std::string("/v2/a/tags/list?n=2&last=http://x/y"));
        QCOMPARE(nextLinkTarget("<http://r.example/v2/a/tags/list?last=ftp://x/y>; rel=next"),
                 std::string("/v2/a/tags/list?last=ftp://x/y"));
    }

    // The tag list and token parsers (engine/parse.cpp, fuzzed by fuzz_registry).
    void replyParsers() {
        using namespace slipway::engine;
        auto tags = parse::registryTags(R"({"name":"a","tags":["1.0",2,null,"2.0"]})");
        QVERIFY(tags.ok());
        QCOMPARE(tags.value(), (std::vector<std::string>{"1.0", "2.0"}));
        QVERIFY(parse::registryTags(R"({"name":"a","tags":null})").value().empty());
        for (const char *bad : {R"({"name":"a"})", R"({"tags":"1.0"})", "[]", "", "{"}) {
            auto r = parse::registryTags(bad);
            QVERIFY2(!r.ok(), bad);
            QCOMPARE(r.error().kind, ErrorKind::Parse);
        }
        auto token = parse::registryToken(R"({"token":"","access_token":"T","expires_in":300})");
        QVERIFY(token.ok());
        QCOMPARE(token.value().token, std::string("T"));
        QCOMPARE(token.value().expiresIn, 300);
        QCOMPARE(parse::registryToken(R"({"token":"T"})").value().expiresIn, 60);
        QCOMPARE(parse::registryToken(R"({"token":"T","expires_in":-5})").value().expiresIn, 1);
        QCOMPARE(parse::registryToken(R"({"token":"T","expires_in":1e3})").value().expiresIn, 60);
        // Past INT_MAX it is clamped, not wrapped (a 2^32 + 1 read as int was 1 s).
        QCOMPARE(parse::registryToken(R"({"token":"T","expires_in":4294967297})").value().expiresIn,
                 2147483647);
        QVERIFY(!parse::registryToken(R"({"token":""})").ok());
        QVERIFY(!parse::registryToken(R"(["T"])").ok());
    }

    void tagsFollowPagination() {
        LocalServer server([](const LocalServer::Request &r) {
            if (r.target == "/v2/team/app/tags/list?n=100")
                return LocalServer::Reply{
                    200,
                    {{"Content-Type", "application/json"},
                     {"Link", "</v2/team/app/tags/list?n=2&last=b>; rel=\"next\""}},
                    R"({"name":"team/app","tags":["a","b"]})"};
            if (r.target == "/v2/team/app/tags/list?n=2&last=b")
                return LocalServer::Reply{
                    200,
                    {{"Content-Type", "application/json"},
                     {"Link", "<http://elsewhere:1/v2/team/app/tags/list?n=2&last=d>; "
                              "rel=\"next\""}},
                    R"({"name":"team/app","tags":["c","d"]})"};
            if (r.target == "/v2/team/app/tags/list?n=2&last=d")
                return json(200, R"({"name":"team/app","tags":["e"]})");
            return json(404, R"({"errors":[{"code":"NAME_UNKNOWN","message":"nope"}]})");
        });
        QVERIFY(server.port() > 0);
        auto c = client(server);
        auto r = waitFor(c->tags("team/app"));
        QVERIFY(r);
        QVERIFY2(r->ok(), r->ok() ? "" : r->error().describe().c_str());
        QCOMPARE(r->value(), (std::vector<std::string>{"a", "b", "c", "d", "e"}));
        QCOMPARE(server.hits("/v2/team/app/tags/list"), 3);
    }

    void loopingLinkEndsWithError() {
        LocalServer server([](const LocalServer::Request &) {
            return LocalServer::Reply{200,
                                      {{"Link", "</v2/team/app/tags/list?last=x>; rel=\"next\""}},
                                      R"({"name":"team/app","tags":["x"]})"};
        });
        auto c = client(server, {}, {}, 5);
        auto r = waitFor(c->tags("team/app"));
        QVERIFY(r);
        QVERIFY(!r->ok());
        QCOMPARE(r->error().kind, ErrorKind::Parse);
        QVERIFY(r->error().message.find("past 5 pages") != std::string::npos);
        QCOMPARE(server.hits("/v2/"), 5);
    }

    void nullTagsIsEmpty() {
        LocalServer server(
            [](const LocalServer::Request &) { return json(200, R"({"name":"a","tags":null})"); });
        auto r = waitFor(client(server)->tags("a"));
        QVERIFY(r && r->ok());
        QVERIFY(r->value().empty());
    }

    void registryErrorBody() {
        LocalServer server([](const LocalServer::Request &) {
            return json(404, R"({"errors":[{"code":"NAME_UNKNOWN","message":"repository name )"
                             R"(not known to registry","detail":{"name":"no/such"}}]})");
        });
        auto r = waitFor(client(server)->tags("no/such"));
        QVERIFY(r && !r->ok());
        QCOMPARE(r->error().kind, ErrorKind::Http);
        QCOMPARE(r->error().httpStatus, 404);
        QCOMPARE(r->error().message,
                 server.hostPort() + ": repository name not known to registry (NAME_UNKNOWN)");
    }

    void bearerTokenFlow() {
        std::string realm;
        LocalServer server([&realm](const LocalServer::Request &r) {
            if (path(r.target) == "/token") {
                auto auth = r.headers.find("authorization");
                if (auth == r.headers.end() || auth->second != basic("alice", "s3cret"))
                    return json(401, R"({"details":"bad credentials"})");
                return json(200, R"({"token":"T1","expires_in":300})");
            }
            auto auth = r.headers.find("authorization");
            if (auth == r.headers.end() || auth->second != "Bearer T1")
                return LocalServer::Reply{
                    401,
                    {{"WWW-Authenticate", "Bearer realm=\"" + realm +
                                              "\",service=\"fake-registry\",scope=\"" +
                                              "repository:team/app:pull\""}},
                    R"({"errors":[{"code":"UNAUTHORIZED","message":"authentication required"}]})"};
            if (r.method == "HEAD")
                return LocalServer::Reply{200, {{"Docker-Content-Digest", kDigest}}, "{}"};
            return json(200, R"({"name":"team/app","tags":["1.0.0"]})");
        });
        realm = "http://" + server.hostPort() + "/token";
        auto c = client(server, RegistryCredentials{"alice", "s3cret", {}});
        auto r = waitFor(c->tags("team/app"));
        QVERIFY(r);
        QVERIFY2(r->ok(), r->ok() ? "" : r->error().describe().c_str());
        QCOMPARE(r->value(), std::vector<std::string>{"1.0.0"});

        const auto received = server.received();
        QCOMPARE(received.size(), std::size_t(3)); // denied, token, granted
        QCOMPARE(path(received[1].target), std::string("/token"));
        QVERIFY(received[1].target.find("service=fake-registry") != std::string::npos);
        QVERIFY(received[1].target.find("scope=repository%3Ateam%2Fapp%3Apull") !=
                std::string::npos);
        QCOMPARE(received[2].headers.at("authorization"), std::string("Bearer T1"));

        // The token is kept for its lifetime: the next requests go straight through.
        auto d = waitFor(c->digest("team/app", "1.0.0"));
        QVERIFY(d && d->ok());
        QCOMPARE(d->value(), kDigest);
        QCOMPARE(server.hits("/token"), 1);
        QCOMPARE(server.received().size(), std::size_t(4));
    }

    void tokenRefusedWithoutCredentials() {
        std::string realm;
        LocalServer server([&realm](const LocalServer::Request &r) {
            if (path(r.target) == "/token")
                return json(401, "{}");
            return LocalServer::Reply{
                401, {{"WWW-Authenticate", "Bearer realm=\"" + realm + "\",service=\"s\""}}, ""};
        });
        realm = "http://" + server.hostPort() + "/token";
        auto r = waitFor(client(server)->tags("team/app"));
        QVERIFY(r && !r->ok());
        QCOMPARE(r->error().kind, ErrorKind::Http);
        QCOMPARE(r->error().httpStatus, 401);
        QVERIFY2(r->error().message.find("no credentials for it in ~/.docker/config.json") !=
                     std::string::npos,
                 r->error().message.c_str());

        // With a helper named in config.json the reason is the helper, said plainly.
        auto helper = waitFor(client(server, {},
                                     "credential helper docker-credential-pass was not "
                                     "found on PATH")
                                  ->tags("team/app"));
        QVERIFY(helper && !helper->ok());
        QVERIFY(helper->error().message.find("docker-credential-pass was not found on PATH") !=
                std::string::npos);
    }

    // A registry whose token realm is plain http on another host: the credentials stay here,
    // the token server is asked without them, and the error says why they were withheld.
    void credentialsWithheldFromAPlainHttpRealmElsewhere() {
        LocalServer realmHost(
            [](const LocalServer::Request &) { return json(401, R"({"details":"who are you"})"); },
            "127.0.0.2");
        QVERIFY(realmHost.port() > 0);
        const std::string realm = "http://" + realmHost.hostPort() + "/token";
        LocalServer server([&realm](const LocalServer::Request &) {
            return LocalServer::Reply{
                401, {{"WWW-Authenticate", "Bearer realm=\"" + realm + "\",service=\"reg\""}}, ""};
        });
        for (const RegistryCredentials &credentials :
             {RegistryCredentials{"alice", "s3cret", {}}, RegistryCredentials{{}, {}, "refresh"}}) {
            auto r = waitFor(client(server, credentials)->tags("team/app"));
            QVERIFY(r && !r->ok());
            QCOMPARE(r->error().httpStatus, 401);
            const std::string &message = r->error().message;
            QVERIFY2(message.find("withheld from the token server " + realm) != std::string::npos,
                     message.c_str());
            QVERIFY2(message.find("must use https") != std::string::npos, message.c_str());
        }
        const auto asked = realmHost.received();
        QCOMPARE(asked.size(), std::size_t(2));
        for (const auto &request : asked) {
            QVERIFY(!request.headers.count("authorization"));
            QCOMPARE(request.method, std::string("GET"));
            QVERIFY(request.body.empty());
            QVERIFY(request.target.find("refresh") == std::string::npos);
        }
    }

    // Plain http to the registry's own loopback host (another port) is where a local
    // registry's token server lives: the credentials go there.
    void credentialsGoToTheRegistrysOwnLoopbackHost() {
        LocalServer tokens([](const LocalServer::Request &r) {
            auto auth = r.headers.find("authorization");
            if (auth == r.headers.end() || auth->second != basic("alice", "s3cret"))
                return json(401, "{}");
            return json(200, R"({"token":"T9"})");
        });
        const std::string realm = "http://" + tokens.hostPort() + "/token";
        LocalServer server([&realm](const LocalServer::Request &r) {
            auto auth = r.headers.find("authorization");
            if (auth != r.headers.end() && auth->second == "Bearer T9")
                return json(200, R"({"name":"team/app","tags":["1"]})");
            return LocalServer::Reply{
                401, {{"WWW-Authenticate", "Bearer realm=\"" + realm + "\",service=\"reg\""}}, ""};
        });
        auto r =
            waitFor(client(server, RegistryCredentials{"alice", "s3cret", {}})->tags("team/app"));
        QVERIFY(r);
        QVERIFY2(r->ok(), r->ok() ? "" : r->error().describe().c_str());
        QCOMPARE(tokens.hits("/token"), 1);
    }

    // An identity token is exchanged as an OAuth refresh token, in a POST body.
    void identityTokenIsARefreshToken() {
        std::string realm;
        LocalServer server([&realm](const LocalServer::Request &r) {
            if (path(r.target) == "/token") {
                if (r.method == "POST" &&
                    r.body.find("grant_type=refresh_token") != std::string::npos &&
                    r.body.find("refresh_token=rt%2Fsecret") != std::string::npos &&
                    r.body.find("scope=repository%3Ateam%2Fapp%3Apull") != std::string::npos)
                    return json(200, R"({"access_token":"A1","expires_in":60})");
                return json(401, "{}");
            }
            auto auth = r.headers.find("authorization");
            if (auth != r.headers.end() && auth->second == "Bearer A1")
                return json(200, R"({"name":"team/app","tags":["2"]})");
            return LocalServer::Reply{
                401, {{"WWW-Authenticate", "Bearer realm=\"" + realm + "\",service=\"reg\""}}, ""};
        });
        realm = "http://" + server.hostPort() + "/token";
        auto r =
            waitFor(client(server, RegistryCredentials{{}, {}, "rt/secret"})->tags("team/app"));
        QVERIFY(r);
        QVERIFY2(r->ok(), r->ok() ? "" : r->error().describe().c_str());
        QCOMPARE(r->value(), std::vector<std::string>{"2"});
        // Never in a URL, where logs and proxies keep it.
        for (const auto &request : server.received())
            QVERIFY(request.target.find("secret") == std::string::npos);
    }

    void basicCredentials() {
        LocalServer server([](const LocalServer::Request &r) {
            auto auth = r.headers.find("authorization");
            if (auth == r.headers.end() || auth->second != basic("bob", "pw"))
                return LocalServer::Reply{401, {{"WWW-Authenticate", "Basic realm=\"reg\""}}, ""};
            return json(200, R"({"name":"x/y","tags":["t"]})");
        });
        auto c = client(server, RegistryCredentials{"bob", "pw", {}});
        auto r = waitFor(c->tags("x/y"));
        QVERIFY(r && r->ok());
        QCOMPARE(server.hits("/v2/"), 2);
        // Once asked, Basic goes with every request.
        auto again = waitFor(c->tags("x/y"));
        QVERIFY(again && again->ok());
        QCOMPARE(server.hits("/v2/"), 3);

        auto wrong = waitFor(client(server, RegistryCredentials{"bob", "nope", {}})->tags("x/y"));
        QVERIFY(wrong && !wrong->ok());
        QCOMPARE(wrong->error().httpStatus, 401);
        QVERIFY(wrong->error().message.find("were refused") != std::string::npos);

        auto none = waitFor(client(server)->tags("x/y"));
        QVERIFY(none && !none->ok());
        QVERIFY(none->error().message.find("requires credentials") != std::string::npos);
    }

    void manifestDigests() {
        LocalServer server([](const LocalServer::Request &r) {
            if (r.target == "/v2/team/app/tags/list?n=100")
                return json(200, R"({"name":"team/app","tags":["1","2","gone","3"]})");
            if (r.method != "HEAD")
                return json(405, "{}");
            if (r.target.find("/manifests/gone") != std::string::npos)
                return LocalServer::Reply{404, {}, ""};
            if (r.target.find("/manifests/nodigest") != std::string::npos)
                return LocalServer::Reply{200, {}, ""};
            if (r.target.find("/manifests/sha256:0000") != std::string::npos)
                return LocalServer::Reply{404, {}, ""};
            return LocalServer::Reply{200, {{"Docker-Content-Digest", kDigest}}, ""};
        });
        auto c = client(server);
        auto d = waitFor(c->digest("team/app", "1"));
        QVERIFY(d && d->ok());
        QCOMPARE(d->value(), kDigest);
        const auto accept = server.received().back().headers.at("accept");
        for (const char *type : {"application/vnd.docker.distribution.manifest.v2+json",
                                 "application/vnd.docker.distribution.manifest.list.v2+json",
                                 "application/vnd.oci.image.manifest.v1+json",
                                 "application/vnd.oci.image.index.v1+json"})
            QVERIFY2(accept.find(type) != std::string::npos, type);

        auto none = waitFor(c->digest("team/app", "nodigest"));
        QVERIFY(none && !none->ok());
        QCOMPARE(none->error().kind, ErrorKind::Parse);

        auto gone = waitFor(c->digest("team/app", "gone"));
        QVERIFY(gone && !gone->ok());
        QCOMPARE(gone->error().httpStatus, 404);
        QVERIFY(gone->error().message.find("team/app:gone not found") != std::string::npos);

        auto has = waitFor(c->hasManifest("team/app", kDigest));
        QVERIFY(has && has->ok());
        QVERIFY(has->value());
        auto missing = waitFor(c->hasManifest("team/app", "sha256:" + std::string(64, '0')));
        QVERIFY(missing && missing->ok());
        QVERIFY(!missing->value());

        auto all = waitFor(c->tagDigests("team/app"));
        QVERIFY(all && all->ok());
        QCOMPARE(all->value().size(), std::size_t(4));
        QCOMPARE(all->value()[0].tag, std::string("1"));
        QCOMPARE(all->value()[0].digest, kDigest);
        QCOMPARE(all->value()[2].tag, std::string("gone"));
        QVERIFY(all->value()[2].digest.empty());
        QVERIFY(all->value()[2].error.find("not found") != std::string::npos);
        QCOMPARE(all->value()[3].digest, kDigest);
    }

    void badInputMakesNoRequest() {
        LocalServer server([](const LocalServer::Request &) { return json(200, "{}"); });
        auto c = client(server);
        auto r = waitFor(c->tags("Team/App"));
        QVERIFY(r && !r->ok());
        QCOMPARE(r->error().kind, ErrorKind::InvalidInput);
        auto d = waitFor(c->digest("team/app", "1.0 0"));
        QVERIFY(d && !d->ok());
        QCOMPARE(d->error().kind, ErrorKind::InvalidInput);
        auto h = waitFor(c->hasManifest("team/app", "sha256:abc"));
        QVERIFY(h && !h->ok());
        QCOMPARE(h->error().kind, ErrorKind::InvalidInput);
        QCOMPARE(server.received().size(), std::size_t(0));
    }

    void unreachableRegistry() {
        int port = 0;
        {
            LocalServer gone([](const LocalServer::Request &) { return json(200, "{}"); });
            port = gone.port();
        }
        auto e = RegistryEndpoint::forHost("127.0.0.1:" + std::to_string(port));
        QVERIFY(e.ok());
        RegistryClient c(e.value());
        auto r = waitFor(c.tags("a/b"));
        QVERIFY(r && !r->ok());
        QCOMPARE(r->error().kind, ErrorKind::Transport);
    }
};

QTEST_GUILESS_MAIN(TestRegistryClient)
#include "tst_registryclient.moc"
