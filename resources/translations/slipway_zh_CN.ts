<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AlertRule</name>
    <message>
        <source>Host CPU</source>
        <translation>主机 CPU</translation>
    </message>
    <message>
        <source>Host memory</source>
        <translation>主机内存</translation>
    </message>
    <message>
        <source>Host unreachable</source>
        <translation>主机无法连接</translation>
    </message>
    <message>
        <source>Container unhealthy</source>
        <translation>容器不健康</translation>
    </message>
    <message>
        <source>Container restarting</source>
        <translation>容器重启</translation>
    </message>
    <message>
        <source>Container exited non-zero</source>
        <translation>容器以非零退出码退出</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 小时</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>CPU over %1 % for %2</source>
        <translation>CPU 超过 %1 % 持续 %2</translation>
    </message>
    <message>
        <source>CPU over %1 %</source>
        <translation>CPU 超过 %1 %</translation>
    </message>
    <message>
        <source>Memory over %1 % for %2</source>
        <translation>内存超过 %1 % 持续 %2</translation>
    </message>
    <message>
        <source>Memory over %1 %</source>
        <translation>内存超过 %1 %</translation>
    </message>
    <message>
        <source>Unreachable for %1</source>
        <translation>无法连接持续 %1</translation>
    </message>
    <message>
        <source>Unreachable</source>
        <translation>无法连接</translation>
    </message>
    <message>
        <source>Health check fails</source>
        <translation>健康检查失败</translation>
    </message>
    <message numerus="yes">
        <source>Restarted %n time(s) within %1</source>
        <translation>
            <numerusform>%1 内重启 %n 次</numerusform>
        </translation>
    </message>
    <message>
        <source>Exited with a non-zero code</source>
        <translation>以非零退出码退出</translation>
    </message>
    <message>
        <source>The rule needs a name.</source>
        <translation>规则需要名称。</translation>
    </message>
    <message>
        <source>The name is longer than 255 characters.</source>
        <translation>名称超过 255 个字符。</translation>
    </message>
    <message>
        <source>The threshold must be between 0 and 100 %.</source>
        <translation>阈值必须在 0 到 100 % 之间。</translation>
    </message>
    <message>
        <source>The duration must be between 0 seconds and 7 days.</source>
        <translation>持续时间必须在 0 秒到 7 天之间。</translation>
    </message>
    <message>
        <source>The number of restarts must be between 1 and 1000.</source>
        <translation>重启次数必须在 1 到 1000 之间。</translation>
    </message>
    <message>
        <source>The window must be between 1 second and 7 days.</source>
        <translation>时间窗口必须在 1 秒到 7 天之间。</translation>
    </message>
</context>
<context>
    <name>AlertStore</name>
    <message>
        <source>There is no alert rule %1; someone may have removed it.</source>
        <translation>不存在告警规则 %1；可能已被他人删除。</translation>
    </message>
    <message>
        <source>An acknowledgement needs a user.</source>
        <translation>确认告警需要指定用户。</translation>
    </message>
    <message>
        <source>%1 acknowledged this alert already, at %2.</source>
        <translation>%1 已于 %2 确认了此告警。</translation>
    </message>
    <message>
        <source>There is no alert %1.</source>
        <translation>不存在告警 %1。</translation>
    </message>
    <message>
        <source>The rule &quot;%1&quot; was changed by someone else meanwhile (now: %2%3, version %4); look at it again and repeat the change.</source>
        <translation>规则“%1”已被其他人同时更改（当前：%2%3，版本 %4）；请重新查看并再次进行更改。</translation>
    </message>
    <message>
        <source>, disabled</source>
        <translation>，已禁用</translation>
    </message>
    <message>
        <source>the database gave the new alert no id</source>
        <translation>数据库没有为新告警分配 ID</translation>
    </message>
</context>
<context>
    <name>AppLock</name>
    <message>
        <source>%1: cannot read the lock: %2</source>
        <translation>%1：无法读取锁：%2</translation>
    </message>
    <message>
        <source>%1: the container %2 is not a Slipway lock (no token label)</source>
        <translation>%1：容器 %2 不是 Slipway 锁（没有令牌标签）</translation>
    </message>
    <message>
        <source>%1: cannot read the lock&apos;s heartbeat: %2</source>
        <translation>%1：无法读取锁的心跳：%2</translation>
    </message>
    <message>
        <source>%1: cannot create the lock %2: %3</source>
        <translation>%1：无法创建锁 %2：%3</translation>
    </message>
    <message>
        <source>%1: cannot remove the lock of the ended process %2: %3</source>
        <translation>%1：无法删除已结束进程 %2 的锁：%3</translation>
    </message>
    <message>
        <source>%1: the lock %2 kept changing hands; try again</source>
        <translation>%1：锁 %2 不断易手；请重试</translation>
    </message>
    <message>
        <source>a lock needs an application and an environment</source>
        <translation>锁需要指定应用和环境</translation>
    </message>
    <message>
        <source>no host to take the lock of %1 in %2 on</source>
        <translation>没有可获取 %2 中 %1 的锁的主机</translation>
    </message>
    <message>
        <source>%1: no connection to the engine</source>
        <translation>%1：未连接到引擎</translation>
    </message>
    <message>
        <source>no lock was named to take over</source>
        <translation>未指定要接管的锁</translation>
    </message>
    <message>
        <source>%1 in %2 is now held by %3 (generation %4), not by the holder to take over</source>
        <translation>%2 中的 %1 现在由 %3 持有（代次 %4），而不是由要接管的持有者持有</translation>
    </message>
    <message>
        <source>%1 holds %2 in %3 and is alive (a heartbeat %4 s ago, ttl %5 s)</source>
        <translation>%1 持有 %3 中的 %2 且仍然存活（%4 秒前有心跳，ttl %5 秒）</translation>
    </message>
    <message>
        <source>%1: cannot remove the lock of %2: %3</source>
        <translation>%1：无法删除 %2 的锁：%3</translation>
    </message>
</context>
<context>
    <name>CommandLine</name>
    <message>
        <source>Slipway: a desktop portal for Docker fleets.</source>
        <translation>Slipway：面向 Docker 集群的桌面门户。</translation>
    </message>
    <message>
        <source>Watch the engine at URL instead of the saved hosts (repeatable): unix:///path, tcp://host:port or https://host:port.</source>
        <translation>监视位于 URL 的引擎，而不是已保存的主机（可重复）：unix:///路径、tcp://主机:端口 或 https://主机:端口。</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Keep Slipway&apos;s database in DIR.</source>
        <translation>将 Slipway 的数据库保存在 DIR 中。</translation>
    </message>
    <message>
        <source>DIR</source>
        <translation>DIR</translation>
    </message>
    <message>
        <source>Unexpected argument &quot;%1&quot;; hosts are given with --host URL.</source>
        <translation>意外的参数“%1”；请用 --host URL 指定主机。</translation>
    </message>
    <message>
        <source>--data-dir needs a directory.</source>
        <translation>--data-dir 需要一个目录。</translation>
    </message>
    <message>
        <source>--host: %1</source>
        <translation>--host：%1</translation>
    </message>
    <message>
        <source>Share records with the team in the PostgreSQL database at URL, postgresql://[USER@]HOST[:PORT]/DB[?sslmode=verify-full&amp;sslrootcert=FILE] (default: SLIPWAY_DATABASE, else the one saved in Slipway). The password comes from ~/.pgpass or is asked, never from the URL.</source>
        <translation>与团队共享记录，保存在 URL 指定的 PostgreSQL 数据库中：postgresql://[USER@]HOST[:PORT]/DB[?sslmode=verify-full&amp;sslrootcert=FILE]（默认：SLIPWAY_DATABASE，否则为 Slipway 中保存的数据库）。密码来自 ~/.pgpass 或在启动时询问，绝不来自 URL。</translation>
    </message>
    <message>
        <source>--database: %1</source>
        <translation>--database：%1</translation>
    </message>
</context>
<context>
    <name>ComposeContext</name>
    <message>
        <source>expected a single value</source>
        <translation>应为单个值</translation>
    </message>
    <message>
        <source>expected %1</source>
        <translation>应为%1</translation>
    </message>
    <message>
        <source>true or false</source>
        <translation>true 或 false</translation>
    </message>
    <message>
        <source>expected true or false, not &quot;%1&quot;</source>
        <translation>应为 true 或 false，而不是“%1”</translation>
    </message>
    <message>
        <source>a whole number</source>
        <translation>整数</translation>
    </message>
    <message>
        <source>expected a whole number from %1 to %2, not &quot;%3&quot;</source>
        <translation>应为 %1 到 %2 之间的整数，而不是“%3”</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>数字</translation>
    </message>
    <message>
        <source>expected a positive number, not &quot;%1&quot;</source>
        <translation>应为正数，而不是“%1”</translation>
    </message>
    <message>
        <source>a duration such as 1m30s</source>
        <translation>时长，如 1m30s</translation>
    </message>
    <message>
        <source>expected a duration such as 30s, 1m30s or 500ms, not &quot;%1&quot;</source>
        <translation>应为时长，如 30s、1m30s 或 500ms，而不是“%1”</translation>
    </message>
    <message>
        <source>expected a list</source>
        <translation>应为列表</translation>
    </message>
    <message>
        <source>a string</source>
        <translation>字符串</translation>
    </message>
    <message>
        <source>a string or a list of strings</source>
        <translation>字符串或字符串列表</translation>
    </message>
    <message>
        <source>a string, number or boolean</source>
        <translation>字符串、数字或布尔值</translation>
    </message>
    <message>
        <source>expected KEY%1VALUE, not &quot;%2&quot;</source>
        <translation>应为 KEY%1VALUE，而不是“%2”</translation>
    </message>
    <message>
        <source>expected a mapping or a list of KEY%1VALUE</source>
        <translation>应为映射或 KEY%1VALUE 列表</translation>
    </message>
    <message>
        <source>expected a mapping</source>
        <translation>应为映射</translation>
    </message>
</context>
<context>
    <name>ComposeKeys</name>
    <message>
        <source>Slipway provisions from images; build the image first and name it in image:</source>
        <translation>Slipway 从镜像置备；请先构建镜像，再在 image: 中指定它</translation>
    </message>
    <message>
        <source>Slipway does not provision Compose secrets; give the values as the kind&apos;s variables (secret ones are masked)</source>
        <translation>Slipway 不置备 Compose secrets；请将这些值作为类型的变量提供（机密变量会被遮盖）</translation>
    </message>
    <message>
        <source>Slipway does not provision Compose configs; put the file into the image or into a named volume</source>
        <translation>Slipway 不置备 Compose configs；请将文件放入镜像或命名卷中</translation>
    </message>
    <message>
        <source>every service of a template is provisioned; make one template for each set of services</source>
        <translation>模板的每个服务都会被置备；请为每组服务分别创建一个模板</translation>
    </message>
    <message>
        <source>a template is one file: write the service in full (anchors and &lt;&lt; merge keys share settings)</source>
        <translation>模板是单个文件：请完整写出服务（可用锚点和 &lt;&lt; 合并键共享设置）</translation>
    </message>
    <message>
        <source>a template is one Compose file and the env files it names</source>
        <translation>模板由一个 Compose 文件及其引用的 env 文件组成</translation>
    </message>
    <message>
        <source>legacy links: services reach each other by name on the project&apos;s networks</source>
        <translation>旧式 links：服务之间可通过名称在项目的网络上互相访问</translation>
    </message>
    <message>
        <source>a fixed name or address would clash between two environments of one template</source>
        <translation>固定的名称或地址会在同一模板的两个环境之间冲突</translation>
    </message>
    <message>
        <source>shares namespaces or resources with the host or other containers, so environments would not be isolated</source>
        <translation>与主机或其他容器共享命名空间或资源，环境将无法相互隔离</translation>
    </message>
    <message>
        <source>widens what a container may do on its host; not allowed in templates</source>
        <translation>扩大了容器在其主机上的权限；模板中不允许使用</translation>
    </message>
    <message>
        <source>applies to Swarm services; an environment&apos;s services are standalone containers</source>
        <translation>仅适用于 Swarm 服务；环境中的服务是独立容器</translation>
    </message>
    <message>
        <source>write the service&apos;s limits as mem_limit and cpus</source>
        <translation>请用 mem_limit 和 cpus 写出服务的限制</translation>
    </message>
    <message>
        <source>only documents ports: services reach each other on every port of the project&apos;s networks; remove it</source>
        <translation>仅用于说明端口：服务之间可在项目网络的任意端口上互相访问；请删除它</translation>
    </message>
    <message>
        <source>environments take their subnets from the engine&apos;s address pool, so that many run side by side</source>
        <translation>环境从引擎的地址池获取子网，以便多个环境并行运行</translation>
    </message>
    <message>
        <source>Slipway&apos;s provisioner does not apply this setting</source>
        <translation>Slipway 的置备程序不应用此设置</translation>
    </message>
    <message>
        <source>extension keys (x-) are not allowed here</source>
        <translation>此处不允许使用扩展键（x-）</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not supported: %2</source>
        <translation>不支持“%1”：%2</translation>
    </message>
    <message>
        <source>unknown key &quot;%1&quot;</source>
        <translation>未知的键“%1”</translation>
    </message>
</context>
<context>
    <name>ComposeReader</name>
    <message>
        <source>a port</source>
        <translation>端口</translation>
    </message>
    <message>
        <source>port &quot;%1&quot;: %2</source>
        <translation>端口“%1”：%2</translation>
    </message>
    <message>
        <source>the protocol is tcp, udp or sctp</source>
        <translation>协议须为 tcp、udp 或 sctp</translation>
    </message>
    <message>
        <source>expected [ADDRESS]:HOST:CONTAINER</source>
        <translation>应为 [ADDRESS]:HOST:CONTAINER</translation>
    </message>
    <message>
        <source>expected [[ADDRESS:]HOST:]CONTAINER[/PROTOCOL]</source>
        <translation>应为 [[ADDRESS:]HOST:]CONTAINER[/PROTOCOL]</translation>
    </message>
    <message>
        <source>the address is empty</source>
        <translation>地址为空</translation>
    </message>
    <message>
        <source>the container port is a number (or range) from 1 to 65535</source>
        <translation>容器端口须为 1 到 65535 之间的数字（或范围）</translation>
    </message>
    <message>
        <source>the host port is a number (or range) from 1 to 65535</source>
        <translation>主机端口须为 1 到 65535 之间的数字（或范围）</translation>
    </message>
    <message>
        <source>a range may hold at most 1000 ports</source>
        <translation>一个范围最多包含 1000 个端口</translation>
    </message>
    <message>
        <source>the host range and the container range differ in size</source>
        <translation>主机端口范围与容器端口范围的大小不同</translation>
    </message>
    <message>
        <source>a port in long form needs a target</source>
        <translation>长格式的端口需要 target</translation>
    </message>
    <message>
        <source>the published port is a number (or range) from 1 to 65535, not &quot;%1&quot;</source>
        <translation>发布端口须为 1 到 65535 之间的数字（或范围），而不是“%1”</translation>
    </message>
    <message>
        <source>the mode is host or ingress, not &quot;%1&quot;</source>
        <translation>mode 须为 host 或 ingress，而不是“%1”</translation>
    </message>
    <message>
        <source>expected a list of ports</source>
        <translation>应为端口列表</translation>
    </message>
    <message>
        <source>a name has only letters, digits, &apos;.&apos;, &apos;_&apos; and &apos;-&apos;</source>
        <translation>名称只能包含字母、数字、“.”、“_”和“-”</translation>
    </message>
    <message>
        <source>an external %1 is not created, so it takes no &quot;%2&quot;</source>
        <translation>外部%1不会被创建，因此不接受“%2”</translation>
    </message>
    <message>
        <source>network</source>
        <translation>网络</translation>
    </message>
    <message>
        <source>volume</source>
        <translation>卷</translation>
    </message>
    <message>
        <source>volume &quot;%1&quot; is not declared under the top-level volumes</source>
        <translation>卷“%1”未在顶层 volumes 中声明</translation>
    </message>
    <message>
        <source>&quot;%1&quot; depends on &quot;%2&quot;, which is not a service</source>
        <translation>“%1”依赖于“%2”，但后者不是服务</translation>
    </message>
    <message>
        <source>depends_on forms a cycle: %1</source>
        <translation>depends_on 形成了循环：%1</translation>
    </message>
    <message>
        <source>host port %1/%2 is already published by %3 (line %4)</source>
        <translation>主机端口 %1/%2 已由 %3 发布（第 %4 行）</translation>
    </message>
    <message>
        <source>the file is empty</source>
        <translation>文件为空</translation>
    </message>
    <message>
        <source>expected a mapping of Compose keys</source>
        <translation>应为 Compose 键的映射</translation>
    </message>
    <message>
        <source>no project name: give one or write name: in the file</source>
        <translation>没有项目名称：请指定一个，或在文件中写入 name:</translation>
    </message>
    <message>
        <source>project name &quot;%1&quot; has no letter or digit</source>
        <translation>项目名称“%1”不含字母或数字</translation>
    </message>
    <message>
        <source>the template has no services</source>
        <translation>模板没有服务</translation>
    </message>
    <message>
        <source>a command line or a list of words</source>
        <translation>命令行或单词列表</translation>
    </message>
    <message>
        <source>the command line has an unclosed quote</source>
        <translation>命令行中有未闭合的引号</translation>
    </message>
    <message>
        <source>env file &quot;%1&quot; must be a path inside the template&apos;s folder</source>
        <translation>env 文件“%1”必须是模板文件夹内的路径</translation>
    </message>
    <message>
        <source>env file &quot;%1&quot; is not part of the template</source>
        <translation>env 文件“%1”不属于该模板</translation>
    </message>
    <message>
        <source>variable name &quot;%1&quot; contains white space</source>
        <translation>变量名“%1”包含空白字符</translation>
    </message>
    <message>
        <source>a test list starts with CMD, CMD-SHELL or NONE, not &quot;%1&quot;</source>
        <translation>test 列表须以 CMD、CMD-SHELL 或 NONE 开头，而不是“%1”</translation>
    </message>
    <message>
        <source>a command or a list</source>
        <translation>命令或列表</translation>
    </message>
    <message>
        <source>a disabled healthcheck cannot have a test</source>
        <translation>已禁用的 healthcheck 不能有 test</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is named twice</source>
        <translation>“%1”出现了两次</translation>
    </message>
    <message>
        <source>a service name</source>
        <translation>服务名称</translation>
    </message>
    <message>
        <source>expected a list of services or a mapping</source>
        <translation>应为服务列表或映射</translation>
    </message>
    <message>
        <source>the condition is service_started, service_healthy or service_completed_successfully, not &quot;%1&quot;</source>
        <translation>condition 须为 service_started、service_healthy 或 service_completed_successfully，而不是“%1”</translation>
    </message>
    <message>
        <source>expected a mapping with a condition</source>
        <translation>应为包含 condition 的映射</translation>
    </message>
    <message>
        <source>network &quot;%1&quot; is not declared under the top-level networks</source>
        <translation>网络“%1”未在顶层 networks 中声明</translation>
    </message>
    <message>
        <source>a network name</source>
        <translation>网络名称</translation>
    </message>
    <message>
        <source>expected a mapping with aliases</source>
        <translation>应为包含 aliases 的映射</translation>
    </message>
    <message>
        <source>expected a list of networks or a mapping</source>
        <translation>应为网络列表或映射</translation>
    </message>
    <message>
        <source>restart is no, always, unless-stopped or on-failure[:N], not &quot;%1&quot;</source>
        <translation>restart 须为 no、always、unless-stopped 或 on-failure[:N]，而不是“%1”</translation>
    </message>
    <message>
        <source>&quot;%1&quot; has no address: write NAME:ADDRESS</source>
        <translation>“%1”没有地址：请写为 NAME:ADDRESS</translation>
    </message>
    <message>
        <source>expected a size such as 512m or 1g, not &quot;%1&quot;</source>
        <translation>应为大小，如 512m 或 1g，而不是“%1”</translation>
    </message>
    <message>
        <source>a service name has only letters, digits, &apos;.&apos;, &apos;_&apos; and &apos;-&apos;</source>
        <translation>服务名称只能包含字母、数字、“.”、“_”和“-”</translation>
    </message>
    <message>
        <source>expected an image reference, not &quot;%1&quot;</source>
        <translation>应为镜像引用，而不是“%1”</translation>
    </message>
    <message>
        <source>the service has no image</source>
        <translation>服务没有镜像</translation>
    </message>
    <message>
        <source>scale and deploy.replicas are both set</source>
        <translation>同时设置了 scale 和 deploy.replicas</translation>
    </message>
    <message>
        <source>a bind mount needs a source</source>
        <translation>绑定挂载需要 source</translation>
    </message>
    <message>
        <source>bind mount &quot;%1&quot;: ~ is a home folder of whichever machine reads it; write an absolute path</source>
        <translation>绑定挂载“%1”：~ 是读取该文件的那台机器上的主文件夹；请写绝对路径</translation>
    </message>
    <message>
        <source>bind mount &quot;%1&quot; is a folder of this workstation, and the environment&apos;s host is remote: it cannot mount it; use a named volume or an absolute path on the host</source>
        <translation>绑定挂载“%1”是本工作站上的文件夹，而环境的主机是远程主机，无法挂载它；请使用命名卷或该主机上的绝对路径</translation>
    </message>
    <message>
        <source>bind mount &quot;%1&quot; is relative, and the template has no folder to resolve it against</source>
        <translation>绑定挂载“%1”是相对路径，而模板没有可用于解析它的文件夹</translation>
    </message>
    <message>
        <source>a volume</source>
        <translation>卷</translation>
    </message>
    <message>
        <source>volume &quot;%1&quot;: expected [SOURCE:]TARGET[:ro|rw]</source>
        <translation>卷“%1”：应为 [SOURCE:]TARGET[:ro|rw]</translation>
    </message>
    <message>
        <source>volume option &quot;%1&quot; is not supported: Slipway&apos;s provisioner does not apply it</source>
        <translation>不支持卷选项“%1”：Slipway 的置备程序不应用它</translation>
    </message>
    <message>
        <source>a volume in long form needs a type: bind, volume or tmpfs</source>
        <translation>长格式的卷需要 type：bind、volume 或 tmpfs</translation>
    </message>
    <message>
        <source>the type is bind, volume or tmpfs, not &quot;%1&quot;</source>
        <translation>type 须为 bind、volume 或 tmpfs，而不是“%1”</translation>
    </message>
    <message>
        <source>a tmpfs mount has no source</source>
        <translation>tmpfs 挂载没有 source</translation>
    </message>
    <message>
        <source>expected a list of volumes</source>
        <translation>应为卷列表</translation>
    </message>
    <message>
        <source>the target &quot;%1&quot; must be an absolute path in the container</source>
        <translation>目标“%1”必须是容器内的绝对路径</translation>
    </message>
    <message>
        <source>%1 is mounted twice</source>
        <translation>%1 被挂载了两次</translation>
    </message>
</context>
<context>
    <name>DeploymentConfig</name>
    <message>
        <source>the configuration is not a JSON object</source>
        <translation>配置不是 JSON 对象</translation>
    </message>
    <message>
        <source>the configuration names no image</source>
        <translation>配置中未指定镜像</translation>
    </message>
    <message>
        <source>env, secret, publish and cmd must be lists of strings</source>
        <translation>env、secret、publish 和 cmd 必须是字符串列表</translation>
    </message>
    <message>
        <source>probe must be a string</source>
        <translation>probe 必须是字符串</translation>
    </message>
    <message>
        <source>monitorMs must be a whole number of milliseconds from 0 to %1</source>
        <translation>monitorMs 必须是 0 到 %1 之间的整数毫秒数</translation>
    </message>
</context>
<context>
    <name>DeploymentJob</name>
    <message>
        <source>The %1 name &quot;%2&quot; must start with a letter or digit and contain only letters, digits, &apos;.&apos;, &apos;_&apos; and &apos;-&apos; (at most 63).</source>
        <translation>%1名称“%2”必须以字母或数字开头，且只能包含字母、数字、“.”、“_”和“-”（最多 63 个字符）。</translation>
    </message>
    <message>
        <source>the database cannot be opened</source>
        <translation>无法打开数据库</translation>
    </message>
    <message>
        <source>Another deployment of %1 in %2 is under way.</source>
        <translation>%2 中的 %1 已有另一个部署正在进行。</translation>
    </message>
    <message>
        <source>Cannot record the deployment: %1</source>
        <translation>无法记录部署：%1</translation>
    </message>
    <message numerus="yes">
        <source>%n replica(s) of %1</source>
        <translation>
            <numerusform>%1 的 %n 个副本</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Stopping %n old replica(s)</source>
        <translation>
            <numerusform>正在停止 %n 个旧副本</numerusform>
        </translation>
    </message>
    <message>
        <source>host %1 is not reachable</source>
        <translation>主机 %1 无法连接</translation>
    </message>
    <message>
        <source>Starting replica %1 of %2 on %3</source>
        <translation>正在 %3 上启动第 %1 个副本（共 %2 个）</translation>
    </message>
    <message>
        <source>Stopping %1 on %2 (host port fixed)</source>
        <translation>正在停止 %2 上的 %1（主机端口固定）</translation>
    </message>
    <message>
        <source>stop-first (a fixed host port): the longest gap without a replica on a host was %1 ms</source>
        <translation>先停后启（固定主机端口）：某台主机上没有副本的最长间隔为 %1 ms</translation>
    </message>
    <message>
        <source>application</source>
        <translation>应用</translation>
    </message>
    <message>
        <source>environment</source>
        <translation>环境</translation>
    </message>
    <message>
        <source>No image given.</source>
        <translation>未指定镜像。</translation>
    </message>
    <message>
        <source>image &quot;%1&quot;: %2</source>
        <translation>镜像“%1”：%2</translation>
    </message>
    <message>
        <source>environment variable &quot;%1&quot;: expected KEY=VALUE</source>
        <translation>环境变量“%1”：应为 KEY=VALUE</translation>
    </message>
    <message>
        <source>replicas must be from 1 to %1 (got %2)</source>
        <translation>副本数必须在 1 到 %1 之间（实际为 %2）</translation>
    </message>
    <message>
        <source>no reachable host</source>
        <translation>没有可连接的主机</translation>
    </message>
    <message>
        <source>Nothing of %1 in %2 has been deployed successfully.</source>
        <translation>%2 中的 %1 还没有任何成功的部署。</translation>
    </message>
    <message>
        <source>%1 in %2 has no deployment #%3.</source>
        <translation>%2 中的 %1 没有部署 #%3。</translation>
    </message>
    <message>
        <source>%1 in %2 has no earlier version to roll back to.</source>
        <translation>%2 中的 %1 没有可回滚到的更早版本。</translation>
    </message>
    <message>
        <source>host port %1 is fixed: each host is without a replica between stopping the old one and the new one being healthy</source>
        <translation>主机端口 %1 是固定的：从停止旧副本到新副本变为健康之前，每台主机上都没有副本</translation>
    </message>
    <message>
        <source>Deployment #%1 never resolved its image to a digest.</source>
        <translation>部署 #%1 从未将其镜像解析为摘要。</translation>
    </message>
    <message>
        <source>%1 (%2) is what runs now.</source>
        <translation>当前运行的就是 %1（%2）。</translation>
    </message>
    <message>
        <source>%1 is older than the last %2 versions kept restorable.</source>
        <translation>%1 早于保留为可回滚的最近 %2 个版本。</translation>
    </message>
    <message>
        <source>The image %1 can no longer be pulled.</source>
        <translation>镜像 %1 已无法拉取。</translation>
    </message>
    <message>
        <source>The rollback plan has no target.</source>
        <translation>回滚计划没有目标。</translation>
    </message>
    <message>
        <source>%1 in %2 changed since the rollback was planned (now deployment #%3); plan it again.</source>
        <translation>自计划回滚以来，%2 中的 %1 已发生变化（现在是部署 #%3）；请重新计划。</translation>
    </message>
    <message>
        <source>Removing %1</source>
        <translation>正在删除 %1</translation>
    </message>
    <message>
        <source>keep the last %1 versions restorable</source>
        <translation>保留最近 %1 个版本可回滚</translation>
    </message>
    <message>
        <source>interrupted: the process running it (%1) stopped before it finished; what it started is removed</source>
        <translation>已中断：运行它的进程（%1）在完成前停止；它启动的内容已被删除</translation>
    </message>
    <message>
        <source>deployment #%1 marked interrupted</source>
        <translation>部署 #%1 已标记为中断</translation>
    </message>
    <message numerus="yes">
        <source>removed %n container(s) of failed or interrupted deployments</source>
        <translation>
            <numerusform>已删除失败或中断的部署遗留的 %n 个容器</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>removed %n replica(s) past their undo window</source>
        <translation>
            <numerusform>已删除 %n 个超过撤销窗口期的副本</numerusform>
        </translation>
    </message>
    <message>
        <source>Another deployment of %1 in %2 is under way: %3 by %4 since %5.</source>
        <translation>%2 中的 %1 已有另一个部署在进行：%4 自 %5 起执行的 %3。</translation>
    </message>
    <message>
        <source>There is nothing to undo for %1 in %2: the replicas that deployment #%3 replaced are removed once its undo window (%4 s) has passed.</source>
        <translation>%2 中的 %1 没有可撤销的操作：部署 #%3 替换下来的副本在其撤销窗口（%4 秒）结束后已被删除。</translation>
    </message>
    <message>
        <source>Deployment #%1, which the replaced replicas came from, is not in the database.</source>
        <translation>被替换副本所属的部署 #%1 不在数据库中。</translation>
    </message>
    <message>
        <source>Starting %1 on %2 again</source>
        <translation>正在 %2 上重新启动 %1</translation>
    </message>
    <message>
        <source>undo of deployment #%1: the replicas of %2 serve again</source>
        <translation>撤销部署 #%1：%2 的副本重新提供服务</translation>
    </message>
    <message>
        <source>%1 has not %2, and the pull policy &quot;never&quot; does not pull it</source>
        <translation>%1 上没有 %2，而拉取策略“never”不会拉取它</translation>
    </message>
    <message>
        <source>%1 is on none of the hosts (%2), and the pull policy &quot;never&quot; does not pull it</source>
        <translation>所有主机（%2）上都没有 %1，而拉取策略“never”不会拉取它</translation>
    </message>
    <message>
        <source>No host has the local-only image %1 (%2) any more, and it cannot be pulled.</source>
        <translation>已没有任何主机拥有仅限本地的镜像 %1（%2），且该镜像无法拉取。</translation>
    </message>
    <message numerus="yes">
        <source>No running replica of %1 in %2 is left without an owner; %n belong to another Slipway database and are never adopted.</source>
        <translation>
            <numerusform>%2 中的 %1 没有遗留无主的运行中副本；有 %n 个属于另一个 Slipway 数据库，永远不会被认领。</numerusform>
        </translation>
    </message>
    <message>
        <source>No running replica of %1 in %2 is left without an owner.</source>
        <translation>%2 中的 %1 没有遗留无主的运行中副本。</translation>
    </message>
    <message>
        <source>inspecting %1 on %2: %3</source>
        <translation>在 %2 上检查 %1：%3</translation>
    </message>
    <message>
        <source>The running replicas of %1 in %2 run %3 different images (%4): stop the ones you do not want first, then adopt.</source>
        <translation>%2 中 %1 的运行中副本运行着 %3 个不同的镜像（%4）：请先停止不需要的副本，然后再认领。</translation>
    </message>
    <message>
        <source>adopted %1, deployed by an earlier Slipway</source>
        <translation>已认领 %1（由较早的 Slipway 部署）</translation>
    </message>
    <message>
        <source>Cannot record the adoption: %1</source>
        <translation>无法记录认领：%1</translation>
    </message>
    <message numerus="yes">
        <source>%n stopped container(s) without an owner left as they are</source>
        <translation>
            <numerusform>%n 个无主的已停止容器保持原样</numerusform>
        </translation>
    </message>
    <message>
        <source>%1, store %2</source>
        <translation>%1，存储 %2</translation>
    </message>
    <message>
        <source>unknown user</source>
        <translation>未知用户</translation>
    </message>
    <message numerus="yes">
        <source>%n running replica(s) of %1 in %2 belong to another Slipway database (%3): change them from there; nothing was changed.</source>
        <translation>
            <numerusform>%2 中 %1 的 %n 个运行中副本属于另一个 Slipway 数据库（%3）：请从那里更改它们；未做任何更改。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n running replica(s) of %1 in %2 were deployed by an earlier Slipway and belong to no database yet: adopt them first (slipctl adopt %1 --env %2, or Adopt in the Applications view); nothing was changed.</source>
        <translation>
            <numerusform>%2 中 %1 的 %n 个运行中副本由较早的 Slipway 部署，尚不属于任何数据库：请先认领它们（slipctl adopt %1 --env %2，或在“应用”视图中认领）；未做任何更改。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 in %2 is being changed by %3 (store %4) since %5, on %6: try again when it is done. If that process is gone, take its lock over (slipctl takeover %1 --env %2).</source>
        <translation>%2 中的 %1 正由 %3（存储 %4）自 %5 起在 %6 上更改：请在其完成后重试。如果该进程已不存在，请接管它的锁（slipctl takeover %1 --env %2）。</translation>
    </message>
    <message>
        <source>Cannot lock %1 in %2 on the engines: %3</source>
        <translation>无法在引擎上锁定 %2 中的 %1：%3</translation>
    </message>
    <message>
        <source>interrupted: its process (%1) died holding the lock; taken over by %2</source>
        <translation>已中断：其进程（%1）在持有锁时终止；已由 %2 接管</translation>
    </message>
    <message>
        <source>from %1 (generation %2), whose process is gone; now generation %3</source>
        <translation>接管自 %1（代次 %2），其进程已不存在；现为代次 %3</translation>
    </message>
    <message>
        <source>the lock of %1 in %2 on %3 is no longer this change&apos;s (taken over): it stops here and changes nothing more</source>
        <translation>%3 上 %2 中 %1 的锁已不再属于此变更（已被接管）：变更到此停止，不再做任何更改</translation>
    </message>
    <message>
        <source>before recording success: %1</source>
        <translation>记录成功之前：%1</translation>
    </message>
    <message>
        <source>left %1 to a later recovery: being changed now</source>
        <translation>%1 留待之后恢复：它正在被更改</translation>
    </message>
    <message>
        <source>a change of %1 in %2 is under way</source>
        <translation>%2 中 %1 的一项变更正在进行</translation>
    </message>
    <message>
        <source>reconcile of %1 in %2 is paused</source>
        <translation>%2 中 %1 的协调已暂停</translation>
    </message>
    <message>
        <source>started %1 again: it was %2 and not by Slipway</source>
        <translation>已重新启动 %1：它处于 %2 状态，且并非由 Slipway 造成</translation>
    </message>
    <message numerus="yes">
        <source>cannot replace %n missing replica(s): %1</source>
        <translation>
            <numerusform>无法替换 %n 个缺失的副本：%1</numerusform>
        </translation>
    </message>
    <message>
        <source>started %1 in place of a replica that is gone (%2 of %3 were there)</source>
        <translation>已启动 %1 以替代已不存在的副本（%3 个中仅剩 %2 个）</translation>
    </message>
    <message>
        <source>%1 is left out: it cannot hold the lock (%2)</source>
        <translation>%1 被排除在外：它无法持有锁（%2）</translation>
    </message>
</context>
<context>
    <name>DeploymentStore</name>
    <message>
        <source>the database gave the new deployment no id</source>
        <translation>数据库没有为新部署分配 ID</translation>
    </message>
    <message>
        <source>Keep at least one version (asked for %1).</source>
        <translation>至少保留一个版本（请求的是 %1）。</translation>
    </message>
    <message>
        <source>deployment #%1 is no longer running: another process ended it</source>
        <translation>部署 #%1 已不再运行：另一个进程结束了它</translation>
    </message>
    <message>
        <source>the database has no identity</source>
        <translation>数据库没有身份标识</translation>
    </message>
</context>
<context>
    <name>EnvFile</name>
    <message>
        <source>expected KEY=VALUE, a bare KEY or a # comment: &quot;%1&quot;</source>
        <translation>应为 KEY=VALUE、单独的 KEY 或 # 注释：“%1”</translation>
    </message>
    <message>
        <source>the value of %1 has an unclosed quote or text after it</source>
        <translation>%1 的值有未闭合的引号，或引号后还有文本</translation>
    </message>
</context>
<context>
    <name>EnvironmentCleanup</name>
    <message>
        <source>the environment has no UUID or no store UUID: nothing removed</source>
        <translation>环境没有 UUID 或存储 UUID：未删除任何内容</translation>
    </message>
    <message>
        <source>listing the environment&apos;s containers: %1</source>
        <translation>列出环境的容器：%1</translation>
    </message>
    <message>
        <source>removing container %1: %2</source>
        <translation>删除容器 %1：%2</translation>
    </message>
    <message>
        <source>listing the environment&apos;s networks: %1</source>
        <translation>列出环境的网络：%1</translation>
    </message>
    <message>
        <source>removing network %1: %2</source>
        <translation>删除网络 %1：%2</translation>
    </message>
    <message>
        <source>listing the environment&apos;s volumes: %1</source>
        <translation>列出环境的卷：%1</translation>
    </message>
    <message>
        <source>removing volume %1: %2</source>
        <translation>删除卷 %1：%2</translation>
    </message>
</context>
<context>
    <name>EnvironmentStore</name>
    <message>
        <source>An environment needs a name.</source>
        <translation>环境需要名称。</translation>
    </message>
    <message>
        <source>The environment name &quot;%1&quot; is not a valid Compose project name: use up to 63 lowercase letters, digits, &apos;_&apos; or &apos;-&apos;, starting with a letter or digit.</source>
        <translation>环境名称“%1”不是有效的 Compose 项目名称：最多使用 63 个小写字母、数字、“_”或“-”，并以字母或数字开头。</translation>
    </message>
    <message>
        <source>The environment %1 has no kind.</source>
        <translation>环境 %1 没有类型。</translation>
    </message>
    <message>
        <source>The template %1 has no version %2.</source>
        <translation>模板 %1 没有版本 %2。</translation>
    </message>
    <message>
        <source>There is no kind &quot;%1&quot;.</source>
        <translation>不存在类型“%1”。</translation>
    </message>
    <message>
        <source>An environment named %1 already exists (%2, provisioned by %3); recycle it first or choose another name.</source>
        <translation>名为 %1 的环境已存在（%2，由 %3 置备）；请先回收它或另选名称。</translation>
    </message>
    <message>
        <source>An environment named %1 was just provisioned by someone else; choose another name.</source>
        <translation>他人刚刚置备了名为 %1 的环境；请另选名称。</translation>
    </message>
    <message>
        <source>The environment %1 is %2, not %3.</source>
        <translation>环境 %1 的状态为 %2，而不是 %3。</translation>
    </message>
    <message>
        <source> or </source>
        <translation> 或 </translation>
    </message>
    <message>
        <source>There is no environment with the id %1.</source>
        <translation>没有 ID 为 %1 的环境。</translation>
    </message>
    <message>
        <source>The environment %1 was changed by someone else meanwhile (now: %2, version %3); look at it again.</source>
        <translation>环境 %1 已被其他人同时更改（当前：%2，版本 %3）；请重新查看。</translation>
    </message>
</context>
<context>
    <name>HealthWaiter</name>
    <message numerus="yes">
        <source>Waiting for %n replica(s) to be healthy</source>
        <translation>
            <numerusform>正在等待 %n 个副本变为健康</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 on %2 is gone: %3</source>
        <translation>%2 上的 %1 已消失：%3</translation>
    </message>
    <message>
        <source>the engine on %1 stopped answering: %2</source>
        <translation>%1 上的引擎停止响应：%2</translation>
    </message>
    <message>
        <source>exited with code %1</source>
        <translation>以退出码 %1 退出</translation>
    </message>
    <message>
        <source>%1 on %2 is not running: %3</source>
        <translation>%2 上的 %1 未在运行：%3</translation>
    </message>
    <message>
        <source>%1 on %2 is unhealthy: %3</source>
        <translation>%2 上的 %1 不健康：%3</translation>
    </message>
    <message>
        <source>the health check failed</source>
        <translation>健康检查失败</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>not healthy within %1 s</source>
        <translation>%1 秒内未变为健康</translation>
    </message>
    <message>
        <source>the probe %1 is not valid</source>
        <translation>探针 %1 无效</translation>
    </message>
    <message>
        <source>%1 on %2 was killed: out of memory</source>
        <translation>%2 上的 %1 被终止：内存不足</translation>
    </message>
    <message numerus="yes">
        <source>%1 on %2 restarted %n time(s) (last exit code %3)</source>
        <translation>
            <numerusform>%2 上的 %1 重启了 %n 次（最后退出码 %3）</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 on %2 did not answer the probe %3: %4</source>
        <translation>%2 上的 %1 未应答探针 %3：%4</translation>
    </message>
    <message>
        <source>no answer yet to the probe %1</source>
        <translation>探针 %1 尚无应答</translation>
    </message>
    <message numerus="yes">
        <source>Watching %n replica(s) for %1 s</source>
        <translation>
            <numerusform>正在监视 %n 个副本，持续 %1 秒</numerusform>
        </translation>
    </message>
    <message>
        <source>no answer to the probe %1: %2</source>
        <translation>探针 %1 无应答：%2</translation>
    </message>
</context>
<context>
    <name>HelperImage</name>
    <message>
        <source>this build of Slipway has no helper image</source>
        <translation>此 Slipway 构建不含辅助镜像</translation>
    </message>
    <message>
        <source>%1: no connection to the engine</source>
        <translation>%1：未连接到引擎</translation>
    </message>
    <message>
        <source>%1: cannot look for the helper image %2: %3</source>
        <translation>%1：无法查找辅助镜像 %2：%3</translation>
    </message>
    <message>
        <source>%1: cannot load the helper image %2: %3</source>
        <translation>%1：无法加载辅助镜像 %2：%3</translation>
    </message>
    <message>
        <source>%1: the helper image %2 is missing after loading it: %3</source>
        <translation>%1：加载后辅助镜像 %2 仍然缺失：%3</translation>
    </message>
</context>
<context>
    <name>HostConfig</name>
    <message>
        <source>The %1 file &quot;%2&quot; does not exist.</source>
        <translation>%1文件“%2”不存在。</translation>
    </message>
    <message>
        <source>The %1 path &quot;%2&quot; is not a file.</source>
        <translation>%1路径“%2”不是文件。</translation>
    </message>
    <message>
        <source>The %1 file &quot;%2&quot; is not readable.</source>
        <translation>%1文件“%2”不可读。</translation>
    </message>
    <message>
        <source>No URL given: expected unix:///path/to/docker.sock, tcp://host:port or https://host:port.</source>
        <translation>未填写 URL：应为 unix:///path/to/docker.sock、tcp://主机:端口 或 https://主机:端口。</translation>
    </message>
    <message>
        <source>TLS files apply only to tcp:// and https:// hosts; &quot;%1&quot; is a unix socket. Clear the TLS files or use a TCP URL.</source>
        <translation>TLS 文件只适用于 tcp:// 和 https:// 主机；“%1”是 unix 套接字。请清除 TLS 文件，或改用 TCP URL。</translation>
    </message>
    <message>
        <source>A client certificate needs its private key: the key file is empty.</source>
        <translation>客户端证书需要对应的私钥：私钥文件为空。</translation>
    </message>
    <message>
        <source>A private key needs its client certificate: the certificate file is empty.</source>
        <translation>私钥需要对应的客户端证书：证书文件为空。</translation>
    </message>
    <message>
        <source>CA certificate</source>
        <translation>CA 证书</translation>
    </message>
    <message>
        <source>client certificate</source>
        <translation>客户端证书</translation>
    </message>
    <message>
        <source>private key</source>
        <translation>私钥</translation>
    </message>
    <message>
        <source>DOCKER_HOST</source>
        <translation>DOCKER_HOST</translation>
    </message>
    <message>
        <source>docker context</source>
        <translation>docker 上下文</translation>
    </message>
    <message>
        <source>local socket</source>
        <translation>本地套接字</translation>
    </message>
    <message>
        <source>saved</source>
        <translation>已保存</translation>
    </message>
    <message>
        <source>command line</source>
        <translation>命令行</translation>
    </message>
</context>
<context>
    <name>HostDiscovery</name>
    <message>
        <source>%1: cannot be read: %2</source>
        <translation>%1：无法读取：%2</translation>
    </message>
    <message>
        <source>%1: not a JSON object: %2</source>
        <translation>%1：不是 JSON 对象：%2</translation>
    </message>
    <message>
        <source>%1: the context has no &quot;Name&quot;</source>
        <translation>%1：该上下文没有“Name”</translation>
    </message>
    <message>
        <source>%1: context &quot;%2&quot; has no Endpoints.docker.Host</source>
        <translation>%1：上下文“%2”没有 Endpoints.docker.Host</translation>
    </message>
</context>
<context>
    <name>HostStatus</name>
    <message>
        <source>Connecting</source>
        <translation>连接中</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>在线</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>离线</translation>
    </message>
    <message>
        <source>same engine as %1</source>
        <translation>与 %1 是同一引擎</translation>
    </message>
</context>
<context>
    <name>ImageText</name>
    <message>
        <source>0 B</source>
        <translation>0 B</translation>
    </message>
    <message>
        <source>just now</source>
        <translation>刚刚</translation>
    </message>
    <message>
        <source>1 minute ago</source>
        <translation>1 分钟前</translation>
    </message>
    <message>
        <source>%1 minutes ago</source>
        <translation>%1 分钟前</translation>
    </message>
    <message>
        <source>1 hour ago</source>
        <translation>1 小时前</translation>
    </message>
    <message>
        <source>%1 hours ago</source>
        <translation>%1 小时前</translation>
    </message>
    <message>
        <source>1 day ago</source>
        <translation>1 天前</translation>
    </message>
    <message>
        <source>%1 days ago</source>
        <translation>%1 天前</translation>
    </message>
    <message>
        <source>1 week ago</source>
        <translation>1 周前</translation>
    </message>
    <message>
        <source>%1 weeks ago</source>
        <translation>%1 周前</translation>
    </message>
    <message>
        <source>1 month ago</source>
        <translation>1 个月前</translation>
    </message>
    <message>
        <source>%1 months ago</source>
        <translation>%1 个月前</translation>
    </message>
    <message>
        <source>1 year ago</source>
        <translation>1 年前</translation>
    </message>
    <message>
        <source>%1 years ago</source>
        <translation>%1 年前</translation>
    </message>
</context>
<context>
    <name>Interpolation</name>
    <message>
        <source>invalid interpolation in &quot;%1&quot;: a $ must start $$, $NAME or ${NAME} (write $$ for a dollar sign)</source>
        <translation>“%1”中的插值无效：$ 只能用于 $$、$NAME 或 ${NAME}（美元符号请写作 $$）</translation>
    </message>
    <message>
        <source>required variable %1 is missing a value: %2</source>
        <translation>必需的变量 %1 缺少值：%2</translation>
    </message>
</context>
<context>
    <name>KindStore</name>
    <message>
        <source>There is already a kind &quot;%1&quot;.</source>
        <translation>已存在类型“%1”。</translation>
    </message>
    <message>
        <source>There is no kind &quot;%1&quot;.</source>
        <translation>不存在类型“%1”。</translation>
    </message>
    <message>
        <source>The kind &quot;%1&quot; is built in and cannot be removed.</source>
        <translation>类型“%1”是内置类型，无法删除。</translation>
    </message>
    <message numerus="yes">
        <source>%n variable(s) removed with it</source>
        <translation>
            <numerusform>其 %n 个变量已一并删除</numerusform>
        </translation>
    </message>
    <message>
        <source>There is no template &quot;%1&quot;.</source>
        <translation>不存在模板“%1”。</translation>
    </message>
    <message>
        <source>%1 is a secret, and Slipway never stores a secret&apos;s value. Leave it empty here; give it when provisioning, in the environment, or in the secrets file under [%2/%3].</source>
        <translation>%1 是机密，Slipway 从不存储机密的值。请在此处留空；在置备时、在环境变量中或在机密文件的 [%2/%3] 下提供它。</translation>
    </message>
    <message>
        <source>set %1</source>
        <translation>已设置 %1</translation>
    </message>
    <message>
        <source>The template %1 has no variable %2.</source>
        <translation>模板 %1 没有变量 %2。</translation>
    </message>
    <message>
        <source>removed %1</source>
        <translation>已删除 %1</translation>
    </message>
    <message>
        <source>The variable %1 is given twice.</source>
        <translation>变量 %1 被指定了两次。</translation>
    </message>
    <message>
        <source>Say which kind of environment to provision (test, integration, production, ...).</source>
        <translation>请指定要置备的环境类型（test、integration、production 等）。</translation>
    </message>
    <message>
        <source>The variables of %1 were changed by someone else meanwhile (now: %2); look at them again.</source>
        <translation>%1 的变量已被其他人同时更改（当前：%2）；请重新查看。</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>The variables of %1 were changed by someone else meanwhile; look at them again.</source>
        <translation>%1 的变量已被其他人同时更改；请重新查看。</translation>
    </message>
</context>
<context>
    <name>KindVariables</name>
    <message>
        <source>A variable needs a name.</source>
        <translation>变量需要名称。</translation>
    </message>
    <message>
        <source>The variable name &quot;%1&quot; is not valid: use up to 255 letters, digits or &apos;_&apos;, not starting with a digit.</source>
        <translation>变量名“%1”无效：最多使用 255 个字母、数字或“_”，且不能以数字开头。</translation>
    </message>
    <message>
        <source>A kind needs a name.</source>
        <translation>类型需要名称。</translation>
    </message>
    <message>
        <source>The kind name &quot;%1&quot; is not valid: use up to 64 lowercase letters, digits, &apos;_&apos; or &apos;-&apos;, starting with a letter or digit.</source>
        <translation>类型名称“%1”无效：最多使用 64 个小写字母、数字、“_”或“-”，并以字母或数字开头。</translation>
    </message>
    <message>
        <source>No value for the secret %1 of the template %2 as %3, and Slipway never stores one. Give it when provisioning (--var %4=…), set it in the environment (export %4=…), or add the line %4=… to %5 (mode 0600; under a line [%2/%3] for this template and kind only).</source>
        <translation>模板 %2（类型 %3）的机密 %1 没有值，而 Slipway 从不存储机密的值。请在置备时提供（--var %4=…）、在环境变量中设置（export %4=…），或在 %5 中添加一行 %4=…（权限 0600；若仅用于此模板和类型，请放在 [%2/%3] 一行之下）。</translation>
    </message>
</context>
<context>
    <name>Leadership</name>
    <message>
        <source>The team database: %1.</source>
        <translation>团队数据库：%1。</translation>
    </message>
    <message>
        <source>Qt&apos;s PostgreSQL driver (QPSQL) is not available.</source>
        <translation>Qt 的 PostgreSQL 驱动（QPSQL）不可用。</translation>
    </message>
    <message>
        <source>Cannot connect to the team database %1: %2</source>
        <translation>无法连接到团队数据库 %1：%2</translation>
    </message>
    <message>
        <source>server process %1</source>
        <translation>服务器进程 %1</translation>
    </message>
    <message>
        <source>as %1</source>
        <translation>以 %1 身份</translation>
    </message>
    <message>
        <source>from %1</source>
        <translation>来自 %1</translation>
    </message>
    <message>
        <source>lost the team database&apos;s connection: %1</source>
        <translation>与团队数据库的连接已断开：%1</translation>
    </message>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>无法打开 %1：%2</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>Cannot lock %1: %2</source>
        <translation>无法锁定 %1：%2</translation>
    </message>
    <message>
        <source>a process that has not said its name</source>
        <translation>一个未报告名称的进程</translation>
    </message>
</context>
<context>
    <name>Placement</name>
    <message>
        <source>no reachable host is left without a replica, and a fixed host port allows only one per host</source>
        <translation>已没有不含副本的可连接主机，而固定主机端口只允许每台主机运行一个副本</translation>
    </message>
    <message>
        <source>no reachable host to place replicas on</source>
        <translation>没有可放置副本的可连接主机</translation>
    </message>
    <message>
        <source>a fixed host port allows one replica per host: %1 more need %1 free hosts, and only %2 are available</source>
        <translation>固定主机端口只允许每台主机运行一个副本：另外 %1 个副本需要 %1 台空闲主机，但只有 %2 台可用</translation>
    </message>
</context>
<context>
    <name>ProvisionCheck</name>
    <message>
        <source>the environment has no UUID</source>
        <translation>环境没有 UUID</translation>
    </message>
    <message>
        <source>the environment has no store UUID</source>
        <translation>环境没有存储 UUID</translation>
    </message>
    <message>
        <source>project name &quot;%1&quot; is not lowercase letters, digits, &apos;_&apos; and &apos;-&apos; starting with a letter or digit</source>
        <translation>项目名称“%1”不符合要求：应由小写字母、数字、“_”和“-”组成，并以字母或数字开头</translation>
    </message>
    <message>
        <source>the template has no services</source>
        <translation>模板没有服务</translation>
    </message>
    <message>
        <source>the services&apos; depends_on form a cycle</source>
        <translation>服务的 depends_on 形成了循环</translation>
    </message>
    <message>
        <source>service %1 depends on %2, which the template does not define</source>
        <translation>服务 %1 依赖于 %2，但模板未定义后者</translation>
    </message>
    <message>
        <source>service %1: %2</source>
        <translation>服务 %1：%2</translation>
    </message>
    <message>
        <source>service %1: image &quot;%2&quot;: %3</source>
        <translation>服务 %1：镜像“%2”：%3</translation>
    </message>
    <message>
        <source>service %1 has %2 replicas</source>
        <translation>服务 %1 有 %2 个副本</translation>
    </message>
    <message>
        <source>service %1 joins network %2, which the template does not declare</source>
        <translation>服务 %1 加入了网络 %2，但模板未声明该网络</translation>
    </message>
    <message>
        <source>service %1: host port &quot;%2&quot; is not a port or a range</source>
        <translation>服务 %1：主机端口“%2”不是端口或端口范围</translation>
    </message>
    <message>
        <source>service %1 publishes fixed host port %2 but has %3 replicas</source>
        <translation>服务 %1 发布了固定主机端口 %2，但有 %3 个副本</translation>
    </message>
    <message>
        <source>services %1 and %2 both publish host port %3</source>
        <translation>服务 %1 和 %2 都发布了主机端口 %3</translation>
    </message>
    <message>
        <source>listing containers: %1</source>
        <translation>列出容器：%1</translation>
    </message>
    <message>
        <source>project name %1 is in use on this engine (container %2)</source>
        <translation>项目名称 %1 已在此引擎上使用（容器 %2）</translation>
    </message>
    <message>
        <source>listing networks: %1</source>
        <translation>列出网络：%1</translation>
    </message>
    <message>
        <source>external network %1 does not exist</source>
        <translation>外部网络 %1 不存在</translation>
    </message>
    <message>
        <source>network %1 exists already</source>
        <translation>网络 %1 已存在</translation>
    </message>
    <message>
        <source>listing volumes: %1</source>
        <translation>列出卷：%1</translation>
    </message>
    <message>
        <source>external volume %1 does not exist</source>
        <translation>外部卷 %1 不存在</translation>
    </message>
    <message>
        <source>volume %1 exists already and is not this environment&apos;s: an environment never takes another&apos;s volume</source>
        <translation>卷 %1 已存在且不属于此环境：环境从不占用其他环境的卷</translation>
    </message>
    <message>
        <source>service %1: host port %2 is published already by container %3</source>
        <translation>服务 %1：主机端口 %2 已由容器 %3 发布</translation>
    </message>
    <message>
        <source>service %1: every host port of %2 is published already</source>
        <translation>服务 %1：%2 中的所有主机端口都已被发布</translation>
    </message>
</context>
<context>
    <name>ProvisionJob</name>
    <message>
        <source>started</source>
        <translation>已启动</translation>
    </message>
    <message>
        <source>healthy</source>
        <translation>健康</translation>
    </message>
    <message>
        <source>completed successfully</source>
        <translation>已成功完成</translation>
    </message>
    <message>
        <source>Creating network %1</source>
        <translation>正在创建网络 %1</translation>
    </message>
    <message>
        <source>creating network %1: %2</source>
        <translation>创建网络 %1：%2</translation>
    </message>
    <message>
        <source>Creating volume %1</source>
        <translation>正在创建卷 %1</translation>
    </message>
    <message>
        <source>creating volume %1: %2</source>
        <translation>创建卷 %1：%2</translation>
    </message>
    <message>
        <source>pulling %1%</source>
        <translation>正在拉取 %1%</translation>
    </message>
    <message>
        <source>pulling the image of service %1: %2</source>
        <translation>拉取服务 %1 的镜像：%2</translation>
    </message>
    <message>
        <source>waiting for %1 (%2)</source>
        <translation>正在等待 %1（%2）</translation>
    </message>
    <message>
        <source>service %1 did not become %2 (service %3 waits for it): %4</source>
        <translation>服务 %1 未达到条件“%2”（服务 %3 正在等待它）：%4</translation>
    </message>
    <message>
        <source>creating container %1 of service %2: %3</source>
        <translation>创建服务 %2 的容器 %1：%3</translation>
    </message>
    <message>
        <source>connecting container %1 of service %2 to network %3: %4</source>
        <translation>将服务 %2 的容器 %1 连接到网络 %3：%4</translation>
    </message>
    <message>
        <source>starting container %1 of service %2: %3</source>
        <translation>启动服务 %2 的容器 %1：%3</translation>
    </message>
    <message>
        <source>inspecting container %1 of service %2: %3</source>
        <translation>检查服务 %2 的容器 %1：%3</translation>
    </message>
    <message>
        <source>waiting for service %1: %2</source>
        <translation>等待服务 %1：%2</translation>
    </message>
    <message>
        <source>stopped: %1</source>
        <translation>已停止：%1</translation>
    </message>
    <message>
        <source>Checking the template</source>
        <translation>正在检查模板</translation>
    </message>
    <message>
        <source>Checking the engine</source>
        <translation>正在检查引擎</translation>
    </message>
    <message>
        <source>refused before anything was created: %1</source>
        <translation>在创建任何内容之前被拒绝：%1</translation>
    </message>
    <message>
        <source>Starting services</source>
        <translation>正在启动服务</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <source>Removing what was created</source>
        <translation>正在删除已创建的内容</translation>
    </message>
    <message>
        <source>and removing what was created failed: %1</source>
        <translation>删除已创建的内容也失败了：%1</translation>
    </message>
</context>
<context>
    <name>PublishSpec</name>
    <message>
        <source>publish &quot;%1&quot;: %2</source>
        <translation>发布端口“%1”：%2</translation>
    </message>
    <message>
        <source>the protocol must be tcp or udp.</source>
        <translation>协议必须是 tcp 或 udp。</translation>
    </message>
    <message>
        <source>expected [IP:][HOST:]CONTAINER, e.g. 8080:80 or 127.0.0.1:0:80.</source>
        <translation>应为 [IP:][HOST:]CONTAINER，例如 8080:80 或 127.0.0.1:0:80。</translation>
    </message>
    <message>
        <source>the container port must be a number from 1 to 65535.</source>
        <translation>容器端口必须是 1 到 65535 之间的数字。</translation>
    </message>
    <message>
        <source>the host port must be a number from 0 to 65535.</source>
        <translation>主机端口必须是 0 到 65535 之间的数字。</translation>
    </message>
    <message>
        <source>the address is empty.</source>
        <translation>地址为空。</translation>
    </message>
</context>
<context>
    <name>PullPolicyName</name>
    <message>
        <source>pull policy &quot;%1&quot;: expected missing, always or never</source>
        <translation>拉取策略“%1”：应为 missing、always 或 never</translation>
    </message>
</context>
<context>
    <name>PullProgressTracker</name>
    <message>
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
</context>
<context>
    <name>ReconcileSettings</name>
    <message>
        <source>The reconcile of %1 in %2 was changed by someone else meanwhile (now: %3); look at it again.</source>
        <translation>%2 中 %1 的协调已被其他人同时更改（当前：%3）；请重新查看。</translation>
    </message>
    <message>
        <source>paused by %1 at %2</source>
        <translation>已由 %1 于 %2 暂停</translation>
    </message>
    <message>
        <source>running</source>
        <translation>运行中</translation>
    </message>
</context>
<context>
    <name>ReplicaDrain</name>
    <message>
        <source>the marker command exited with %1</source>
        <translation>标记命令以 %1 退出</translation>
    </message>
    <message>
        <source>the marker command did not finish</source>
        <translation>标记命令未结束</translation>
    </message>
    <message>
        <source>%1 (its health check does not know the drain marker)</source>
        <translation>%1（其健康检查不识别排空标记）</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message numerus="yes">
        <source>Draining %n old replica(s)</source>
        <translation>
            <numerusform>正在排空 %n 个旧副本</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (still healthy after %2 s)</source>
        <translation>%1（%2 秒后仍为健康）</translation>
    </message>
    <message>
        <source>stopped without draining: %1</source>
        <translation>未经排空即停止：%1</translation>
    </message>
    <message>
        <source>%1 (its health check can take %2 s to report unhealthy, longer than the drain timeout of %3 s, so it was not waited for)</source>
        <translation>%1（其健康检查可能需要 %2 秒才会报告不健康，超过了 %3 秒的排空超时，因此未等待）</translation>
    </message>
</context>
<context>
    <name>ReplicaProbe</name>
    <message>
        <source>probing %1 on %2: %3</source>
        <translation>在 %2 上探测 %1：%3</translation>
    </message>
    <message>
        <source>creating the probe of %1 on %2: %3</source>
        <translation>在 %2 上创建 %1 的探针：%3</translation>
    </message>
    <message>
        <source>starting the probe of %1 on %2: %3</source>
        <translation>在 %2 上启动 %1 的探针：%3</translation>
    </message>
    <message>
        <source>no answer</source>
        <translation>无应答</translation>
    </message>
</context>
<context>
    <name>RolloutCheck</name>
    <message>
        <source>%1 on %2 is gone</source>
        <translation>%2 上的 %1 已不存在</translation>
    </message>
    <message>
        <source>the engine on %1 does not answer: %2</source>
        <translation>%1 上的引擎无响应：%2</translation>
    </message>
    <message>
        <source>%1 on %2 is not running (%3)</source>
        <translation>%2 上的 %1 未在运行（%3）</translation>
    </message>
    <message>
        <source>%1 on %2 is starting again: the engine restarted it after it was healthy</source>
        <translation>%2 上的 %1 正在重新启动：引擎在它变为健康后重启了它</translation>
    </message>
    <message>
        <source>%1 on %2 is %3</source>
        <translation>%2 上的 %1 状态为 %3</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n replica(s) run</source>
        <translation>
            <numerusform>%n 个副本中有 %1 个在运行</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>the engine did not answer again within %1 s (%2)</source>
        <translation>引擎未在 %1 秒内重新应答（%2）</translation>
    </message>
    <message>
        <source>%1 on %2: %3</source>
        <translation>%2 上的 %1：%3</translation>
    </message>
    <message>
        <source>stopping %1 on %2: %3</source>
        <translation>在 %2 上停止 %1：%3</translation>
    </message>
    <message>
        <source>%1 on %2 does not run</source>
        <translation>%2 上的 %1 未在运行</translation>
    </message>
    <message>
        <source>the old replicas did not start again (%1); the new ones run on</source>
        <translation>旧副本未能重新启动（%1）；新副本继续运行</translation>
    </message>
    <message>
        <source>not running again: %1</source>
        <translation>未重新运行：%1</translation>
    </message>
</context>
<context>
    <name>RolloutSteps</name>
    <message>
        <source>Pulling %1 on %2</source>
        <translation>正在 %2 上拉取 %1</translation>
    </message>
    <message>
        <source>pulling %1 on %2: %3</source>
        <translation>在 %2 上拉取 %1：%3</translation>
    </message>
    <message>
        <source>inspecting %1 on %2: %3</source>
        <translation>在 %2 上检查 %1：%3</translation>
    </message>
    <message>
        <source>creating %1 on %2: %3</source>
        <translation>在 %2 上创建 %1：%3</translation>
    </message>
    <message>
        <source>starting %1 on %2: %3</source>
        <translation>在 %2 上启动 %1：%3</translation>
    </message>
    <message>
        <source>host %1: %2</source>
        <translation>主机 %1：%2</translation>
    </message>
    <message>
        <source>stopping %1 on %2: %3</source>
        <translation>在 %2 上停止 %1：%3</translation>
    </message>
    <message>
        <source>removing %1 on %2: %3</source>
        <translation>在 %2 上删除 %1：%3</translation>
    </message>
    <message>
        <source>removing %1 on %2 to create it without the drain check: %3</source>
        <translation>为了在不带排空检查的情况下重新创建，在 %2 上移除 %1 时出错：%3</translation>
    </message>
    <message>
        <source>pulling %1 on %2 stalled: no progress for %3 s</source>
        <translation>在 %2 上拉取 %1 停滞：%3 秒内没有任何进展</translation>
    </message>
    <message>
        <source>%1 is not on %2, and the pull policy &quot;never&quot; does not pull it</source>
        <translation>%2 上没有 %1，而拉取策略“never”不会拉取它</translation>
    </message>
    <message>
        <source>%1 (image %2) is not on %3, and a local-only image cannot be pulled</source>
        <translation>%3 上没有 %1（镜像 %2），且仅限本地的镜像无法拉取</translation>
    </message>
    <message>
        <source>%1 has not the local-only image %2</source>
        <translation>%1 上没有仅限本地的镜像 %2</translation>
    </message>
    <message>
        <source>%1 has not %2 and cannot pull it: %3</source>
        <translation>%1 上没有 %2，且无法拉取：%3</translation>
    </message>
    <message>
        <source>clearing the drain marker of %1 on %2: %3</source>
        <translation>在 %2 上清除 %1 的排空标记：%3</translation>
    </message>
</context>
<context>
    <name>SecretResolver</name>
    <message>
        <source>Cannot read the secrets file %1: %2</source>
        <translation>无法读取机密文件 %1：%2</translation>
    </message>
    <message>
        <source>The secrets file %1 is not a regular file.</source>
        <translation>机密文件 %1 不是普通文件。</translation>
    </message>
    <message>
        <source>The secrets file %1 is not private (mode %2: group or others may read or write it), so Slipway does not use it. Make it yours alone: chmod 600 %1</source>
        <translation>机密文件 %1 不是私有的（权限 %2：组用户或其他用户可以读取或写入它），因此 Slipway 不使用它。请将其设为仅您自己可访问：chmod 600 %1</translation>
    </message>
    <message>
        <source>The secrets file %1 belongs to another user (uid %2), so Slipway does not use it.</source>
        <translation>机密文件 %1 属于另一个用户（uid %2），因此 Slipway 不使用它。</translation>
    </message>
    <message>
        <source>The secrets file %1, line %2: a section is [application/environment].</source>
        <translation>机密文件 %1，第 %2 行：节的格式为 [应用/环境]。</translation>
    </message>
    <message>
        <source>The secrets file %1, line %2: expected KEY=VALUE.</source>
        <translation>机密文件 %1，第 %2 行：应为 KEY=VALUE。</translation>
    </message>
    <message>
        <source>No value for the secret %1 of %2 in %3, and Slipway never stores one. Set it in the environment (export %4=…; slipctl deploy … --secret-env %4), or add the line %4=… to %5 (mode 0600; under a line [%2/%3] for this application only). No running replica of %2 in %3 has it to reuse.</source>
        <translation>%3 中 %2 的机密 %1 没有值，而 Slipway 从不存储机密值。请在环境中设置它（export %4=…；slipctl deploy … --secret-env %4），或将一行 %4=… 添加到 %5（权限 0600；若只用于此应用，请放在 [%2/%3] 行之下）。%3 中 %2 也没有正在运行的副本带有该值可供复用。</translation>
    </message>
</context>
<context>
    <name>ServiceContainers</name>
    <message>
        <source>restart policy &quot;%1&quot; is not one of no, always, unless-stopped, on-failure[:N]</source>
        <translation>重启策略“%1”不是 no、always、unless-stopped、on-failure[:N] 之一</translation>
    </message>
</context>
<context>
    <name>ServiceProgress</name>
    <message>
        <source>Waiting</source>
        <translation>等待中</translation>
    </message>
    <message>
        <source>Pulling</source>
        <translation>拉取中</translation>
    </message>
    <message>
        <source>Creating</source>
        <translation>创建中</translation>
    </message>
    <message>
        <source>Starting</source>
        <translation>启动中</translation>
    </message>
    <message>
        <source>Waiting for health</source>
        <translation>等待健康</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
</context>
<context>
    <name>ServiceWait</name>
    <message>
        <source>%1 exited with code %2</source>
        <translation>%1 已退出，退出码 %2</translation>
    </message>
    <message>
        <source>%1 has no health check to wait for</source>
        <translation>%1 没有可等待的健康检查</translation>
    </message>
    <message>
        <source>%1 is unhealthy</source>
        <translation>%1 不健康</translation>
    </message>
    <message>
        <source>%1 is unhealthy: %2</source>
        <translation>%1 不健康：%2</translation>
    </message>
    <message>
        <source>%1 exited with code %2 before it was healthy</source>
        <translation>%1 在变为健康之前已退出，退出码 %2</translation>
    </message>
    <message>
        <source>running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>healthy</source>
        <translation>健康</translation>
    </message>
    <message>
        <source>completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>inspecting %1: %2</source>
        <translation>检查 %1：%2</translation>
    </message>
    <message>
        <source>%1 was not %2 within %3 s</source>
        <translation>%1 在 %3 秒内未达到%2状态</translation>
    </message>
</context>
<context>
    <name>SqlErrorText</name>
    <message>
        <source>The team database refused it: your login may not do this. Its owner can grant the right (slipctl db grant LOGIN operator). The server said: %1</source>
        <translation>团队数据库拒绝了该操作：你的登录角色可能无权执行此操作。数据库所有者可以授予该权限（slipctl db grant LOGIN operator）。服务器返回：%1</translation>
    </message>
</context>
<context>
    <name>StatsService</name>
    <message>
        <source>another Slipway process serves %1</source>
        <translation>另一个 Slipway 进程已在 %1 提供服务</translation>
    </message>
    <message>
        <source>cannot serve at %1: %2</source>
        <translation>无法在 %1 提供服务：%2</translation>
    </message>
</context>
<context>
    <name>StatusText</name>
    <message>
        <source>less than a second</source>
        <translation>不到一秒</translation>
    </message>
    <message>
        <source>Up %1</source>
        <translation>已运行 %1</translation>
    </message>
    <message>
        <source>(paused)</source>
        <translation>（已暂停）</translation>
    </message>
    <message>
        <source>Exited (%1) %2 ago</source>
        <translation>已退出 (%1)，%2前</translation>
    </message>
    <message>
        <source>Restarting (%1) %2 ago</source>
        <translation>正在重启 (%1)，%2前</translation>
    </message>
    <message>
        <source>(healthy)</source>
        <translation>（健康）</translation>
    </message>
    <message>
        <source>(unhealthy)</source>
        <translation>（不健康）</translation>
    </message>
    <message>
        <source>(health: starting)</source>
        <translation>（健康检查：启动中）</translation>
    </message>
    <message>
        <source>1 second</source>
        <translation>1 秒</translation>
    </message>
    <message>
        <source>%1 seconds</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>about a minute</source>
        <translation>约 1 分钟</translation>
    </message>
    <message>
        <source>%1 minutes</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <source>about an hour</source>
        <translation>约 1 小时</translation>
    </message>
    <message>
        <source>%1 hours</source>
        <translation>%1 小时</translation>
    </message>
    <message>
        <source>%1 days</source>
        <translation>%1 天</translation>
    </message>
    <message>
        <source>%1 weeks</source>
        <translation>%1 周</translation>
    </message>
    <message>
        <source>%1 months</source>
        <translation>%1 个月</translation>
    </message>
    <message>
        <source>%1 years</source>
        <translation>%1 年</translation>
    </message>
</context>
<context>
    <name>Store</name>
    <message>
        <source>No database path given.</source>
        <translation>未指定数据库路径。</translation>
    </message>
    <message>
        <source>The database path &quot;%1&quot; is a directory, not a file.</source>
        <translation>数据库路径“%1”是目录，而不是文件。</translation>
    </message>
    <message>
        <source>Cannot create the directory &quot;%1&quot; for the database.</source>
        <translation>无法为数据库创建目录“%1”。</translation>
    </message>
    <message>
        <source>Qt&apos;s SQLite driver (QSQLITE) is not available.</source>
        <translation>Qt 的 SQLite 驱动（QSQLITE）不可用。</translation>
    </message>
    <message>
        <source>Cannot open the database &quot;%1&quot;: %2</source>
        <translation>无法打开数据库“%1”：%2</translation>
    </message>
    <message>
        <source>Cannot prepare the database &quot;%1&quot;: %2</source>
        <translation>无法准备数据库“%1”：%2</translation>
    </message>
    <message>
        <source>its schema version %1 is newer than this Slipway knows (%2); use a newer Slipway.</source>
        <translation>其架构版本 %1 比本 Slipway 所知的版本（%2）更新；请使用更新版本的 Slipway。</translation>
    </message>
    <message>
        <source>migration %1 (%2) failed: %3</source>
        <translation>迁移 %1（%2）失败：%3</translation>
    </message>
    <message>
        <source>The host has no id.</source>
        <translation>该主机没有 ID。</translation>
    </message>
    <message>
        <source>The host has no name.</source>
        <translation>该主机没有名称。</translation>
    </message>
    <message>
        <source>The host &quot;%1&quot; has no URL.</source>
        <translation>主机“%1”没有 URL。</translation>
    </message>
    <message>
        <source>No saved host has the id &quot;%1&quot;.</source>
        <translation>没有 ID 为“%1”的已保存主机。</translation>
    </message>
    <message>
        <source>An audit entry needs an action.</source>
        <translation>审计记录必须包含操作。</translation>
    </message>
    <message>
        <source>%1 %2 could be read by others (mode %3); it is now %4.</source>
        <translation>%1 %2 可被其他用户读取（权限 %3）；现已改为 %4。</translation>
    </message>
    <message>
        <source>The database folder</source>
        <translation>数据库文件夹</translation>
    </message>
    <message>
        <source>Cannot create the database &quot;%1&quot;: %2</source>
        <translation>无法创建数据库“%1”：%2</translation>
    </message>
    <message>
        <source>The database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <source>the database has no identity</source>
        <translation>数据库没有身份标识</translation>
    </message>
    <message>
        <source>The team database: %1.</source>
        <translation>团队数据库：%1。</translation>
    </message>
    <message>
        <source>Qt&apos;s PostgreSQL driver (QPSQL, Debian&apos;s libqt6sql6-psql) is not available.</source>
        <translation>Qt 的 PostgreSQL 驱动（QPSQL，Debian 的 libqt6sql6-psql）不可用。</translation>
    </message>
    <message>
        <source>Cannot connect to the team database %1: %2</source>
        <translation>无法连接到团队数据库 %1：%2</translation>
    </message>
    <message>
        <source>Cannot migrate the team database %1: %2</source>
        <translation>无法迁移团队数据库 %1：%2</translation>
    </message>
    <message>
        <source>The team database %1 has no Slipway schema yet: its owner runs &quot;slipctl db migrate --database %1&quot; first.</source>
        <translation>团队数据库 %1 尚无 Slipway 架构：需由其所有者先运行“slipctl db migrate --database %1”。</translation>
    </message>
    <message>
        <source>The team database %1 is at schema version %2 and this Slipway needs %3: its owner runs &quot;slipctl db migrate --database %1&quot;.</source>
        <translation>团队数据库 %1 的架构版本为 %2，而此 Slipway 需要 %3：需由其所有者运行“slipctl db migrate --database %1”。</translation>
    </message>
    <message>
        <source>The team database %1 is at schema version %2, newer than this Slipway knows (%3); use a newer Slipway.</source>
        <translation>团队数据库 %1 的架构版本为 %2，比此 Slipway 所知的版本（%3）更新；请使用更新版本的 Slipway。</translation>
    </message>
</context>
<context>
    <name>TeamImport</name>
    <message>
        <source>the desk&apos;s tables reference each other in a circle</source>
        <translation>本机数据库的表之间存在循环引用</translation>
    </message>
    <message>
        <source>the team database&apos;s table %1 has no column %2</source>
        <translation>团队数据库的表 %1 没有列 %2</translation>
    </message>
    <message>
        <source>%1, row %2: %3</source>
        <translation>%1，第 %2 行：%3</translation>
    </message>
    <message>
        <source>the desk&apos;s database is at schema version %1 and the team database at %2; both must be at the same version</source>
        <translation>本机数据库的架构版本为 %1，团队数据库为 %2；两者必须为同一版本</translation>
    </message>
    <message>
        <source>the desk&apos;s database has a table with an unexpected name, &quot;%1&quot;</source>
        <translation>本机数据库中有一个名称意外的表“%1”</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n row(s))</source>
        <translation>
            <numerusform>%1（%n 行）</numerusform>
        </translation>
    </message>
    <message>
        <source>the team database already has records: %1. A desk&apos;s history goes only into a team database that has none.</source>
        <translation>团队数据库中已有记录：%1。本机的历史只能导入到没有任何记录的团队数据库中。</translation>
    </message>
    <message>
        <source>the desk&apos;s database has no store identity</source>
        <translation>本机数据库没有存储标识</translation>
    </message>
    <message>
        <source>store %1; rows: %2</source>
        <translation>存储 %1；行数：%2</translation>
    </message>
</context>
<context>
    <name>TeamLogin</name>
    <message>
        <source>Connecting to the team database…</source>
        <translation>正在连接到团队数据库…</translation>
    </message>
    <message>
        <source>Team database</source>
        <translation>团队数据库</translation>
    </message>
    <message>
        <source>The team database %1 asks for your password:</source>
        <translation>团队数据库 %1 需要你的密码：</translation>
    </message>
    <message>
        <source>The server refused that password. The team database %1 asks for your password:</source>
        <translation>服务器拒绝了该密码。团队数据库 %1 需要你的密码：</translation>
    </message>
    <message>
        <source>Slipway cannot use the team database.</source>
        <translation>Slipway 无法使用团队数据库。</translation>
    </message>
    <message>
        <source>Work on This Desk Only</source>
        <translation>仅在本机工作</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
</context>
<context>
    <name>TeamRoles</name>
    <message>
        <source>the server has no role &quot;%1&quot;: create it first (CREATE ROLE %1 LOGIN)</source>
        <translation>服务器上没有角色“%1”：请先创建它（CREATE ROLE %1 LOGIN）</translation>
    </message>
    <message>
        <source>only operator can be given for a target (an application, or APP/ENV)</source>
        <translation>只有 operator 可以针对目标（应用或 APP/ENV）授予</translation>
    </message>
    <message>
        <source>the target &quot;%1&quot; is an application, or APP/ENV</source>
        <translation>目标“%1”应为应用名称或 APP/ENV</translation>
    </message>
</context>
<context>
    <name>TeamUrl</name>
    <message>
        <source>&quot;%1&quot; is not a PostgreSQL URL: it starts with postgresql://</source>
        <translation>“%1”不是 PostgreSQL URL：它应以 postgresql:// 开头</translation>
    </message>
    <message>
        <source>the database URL is not valid: %1</source>
        <translation>数据库 URL 无效：%1</translation>
    </message>
    <message>
        <source>the database URL carries a password, and Slipway never keeps one: put it in ~/.pgpass (or the file PGPASSFILE names), or leave it out to be asked</source>
        <translation>数据库 URL 中包含密码，而 Slipway 从不保存密码：请将其放入 ~/.pgpass（或 PGPASSFILE 指定的文件），或将其省略以便在使用时询问</translation>
    </message>
    <message>
        <source>the database URL names no server: postgresql://HOST/DATABASE</source>
        <translation>数据库 URL 未指定服务器：postgresql://HOST/DATABASE</translation>
    </message>
    <message>
        <source>the database URL names no database: postgresql://HOST/DATABASE</source>
        <translation>数据库 URL 未指定数据库：postgresql://HOST/DATABASE</translation>
    </message>
    <message>
        <source>sslmode &quot;%1&quot; is not one of %2</source>
        <translation>sslmode“%1”不是 %2 之一</translation>
    </message>
    <message>
        <source>connect_timeout &quot;%1&quot; is not a number of seconds</source>
        <translation>connect_timeout“%1”不是秒数</translation>
    </message>
    <message>
        <source>the database URL has &quot;%1&quot;, which Slipway does not know (it knows sslmode, sslrootcert, sslcert, sslkey, connect_timeout)</source>
        <translation>数据库 URL 中含有 Slipway 不认识的“%1”（它认识 sslmode、sslrootcert、sslcert、sslkey、connect_timeout）</translation>
    </message>
    <message>
        <source>the certificate path &quot;%1&quot; has a space, &apos;;&apos; or quote, which cannot be passed to the PostgreSQL driver: use a path without them</source>
        <translation>证书路径“%1”中含有空格、“;”或引号，无法传给 PostgreSQL 驱动：请使用不含这些字符的路径</translation>
    </message>
</context>
<context>
    <name>TemplateRules</name>
    <message>
        <source>A template needs a name.</source>
        <translation>模板需要名称。</translation>
    </message>
    <message>
        <source>The template name &quot;%1&quot; is not valid: use up to 255 letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;, starting with a letter or digit.</source>
        <translation>模板名称“%1”无效：最多使用 255 个字母、数字、“.”、“_”或“-”，并以字母或数字开头。</translation>
    </message>
    <message>
        <source>a file of the template has no name</source>
        <translation>模板中有文件没有名称</translation>
    </message>
    <message>
        <source>the file &quot;%1&quot; is not relative to the template&apos;s folder</source>
        <translation>文件“%1”不是相对于模板文件夹的路径</translation>
    </message>
    <message>
        <source>the file &quot;%1&quot; is outside the template&apos;s folder</source>
        <translation>文件“%1”位于模板文件夹之外</translation>
    </message>
    <message>
        <source>the file name &quot;%1&quot; holds a NUL character</source>
        <translation>文件名“%1”包含 NUL 字符</translation>
    </message>
    <message>
        <source>The template&apos;s Compose file: %1.</source>
        <translation>模板的 Compose 文件：%1。</translation>
    </message>
    <message>
        <source>The template has %1 files; at most %2 are kept.</source>
        <translation>模板有 %1 个文件；最多保存 %2 个。</translation>
    </message>
    <message>
        <source>The template cannot be stored: %1.</source>
        <translation>无法保存模板：%1。</translation>
    </message>
    <message>
        <source>The template names the file &quot;%1&quot; twice.</source>
        <translation>模板两次引用了文件“%1”。</translation>
    </message>
    <message>
        <source>The file &quot;%1&quot; has %2 bytes; a template&apos;s file may have at most %3.</source>
        <translation>文件“%1”有 %2 字节；模板的文件最多 %3 字节。</translation>
    </message>
    <message>
        <source>The template&apos;s files have %1 bytes together; at most %2 are kept.</source>
        <translation>模板的文件共 %1 字节；最多保存 %2 字节。</translation>
    </message>
    <message>
        <source>The template has no Compose file &quot;%1&quot;.</source>
        <translation>模板没有 Compose 文件“%1”。</translation>
    </message>
    <message>
        <source>The template&apos;s Compose file &quot;%1&quot; is empty.</source>
        <translation>模板的 Compose 文件“%1”为空。</translation>
    </message>
</context>
<context>
    <name>TemplateStore</name>
    <message>
        <source>The built-in template &quot;%1&quot; is not valid: %2</source>
        <translation>内置模板“%1”无效：%2</translation>
    </message>
    <message>
        <source>The template &quot;%1&quot; was changed by someone else meanwhile; load it again.</source>
        <translation>模板“%1”在此期间已被他人更改；请重新加载。</translation>
    </message>
    <message>
        <source>There is no template &quot;%1&quot;.</source>
        <translation>不存在模板“%1”。</translation>
    </message>
    <message>
        <source>The template &quot;%1&quot; has no version %2.</source>
        <translation>模板“%1”没有版本 %2。</translation>
    </message>
</context>
<context>
    <name>UsageFormat</name>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>%1 cores</source>
        <translation>%1 核</translation>
    </message>
    <message>
        <source>TiB</source>
        <translation>TiB</translation>
    </message>
    <message>
        <source>GiB</source>
        <translation>GiB</translation>
    </message>
    <message>
        <source>MiB</source>
        <translation>MiB</translation>
    </message>
    <message>
        <source>KiB</source>
        <translation>KiB</translation>
    </message>
    <message>
        <source>B</source>
        <translation>B</translation>
    </message>
    <message>
        <source>GiB/s</source>
        <translation>GiB/s</translation>
    </message>
    <message>
        <source>MiB/s</source>
        <translation>MiB/s</translation>
    </message>
    <message>
        <source>KiB/s</source>
        <translation>KiB/s</translation>
    </message>
</context>
<context>
    <name>YamlTree</name>
    <message>
        <source>the file expands (through its aliases) to more than %1 nodes</source>
        <translation>该文件（通过其别名）展开后超过 %1 个节点</translation>
    </message>
    <message>
        <source>nested deeper than %1 levels (through aliases)</source>
        <translation>嵌套（通过别名）超过 %1 层</translation>
    </message>
    <message>
        <source>a key must be a string</source>
        <translation>键必须是字符串</translation>
    </message>
    <message>
        <source>duplicate key</source>
        <translation>重复的键</translation>
    </message>
    <message>
        <source>a merge key (&lt;&lt;) takes a mapping or a list of mappings</source>
        <translation>合并键（&lt;&lt;）须为映射或映射列表</translation>
    </message>
    <message>
        <source>a template may have at most %1 bytes; this file has more</source>
        <translation>模板最多 %1 字节；此文件超出了该大小</translation>
    </message>
    <message>
        <source>nested deeper than %1 levels</source>
        <translation>嵌套超过 %1 层</translation>
    </message>
    <message>
        <source>a Compose file holds one YAML document; this is the second</source>
        <translation>Compose 文件只能包含一个 YAML 文档；这是第二个</translation>
    </message>
</context>
<context>
    <name>slipctl</name>
    <message>
        <source>Lists the images of every host, one line per tag: repository, tag, ID, digest, size, age and how many containers (in any state) use the image.</source>
        <translation>列出每台主机上的镜像，每个标签一行：仓库、标签、ID、摘要、大小、创建时间，以及有多少容器（任何状态）在使用该镜像。</translation>
    </message>
    <message>
        <source>Print JSON.</source>
        <translation>输出 JSON。</translation>
    </message>
    <message>
        <source>Show only dangling images (no tag points to them).</source>
        <translation>只显示悬空镜像（没有任何标签指向它们）。</translation>
    </message>
    <message>
        <source>no hosts: set DOCKER_HOST, pass --host, or add one in Slipway</source>
        <translation>没有主机：请设置 DOCKER_HOST、传入 --host，或在 Slipway 中添加主机</translation>
    </message>
    <message>
        <source>HOST</source>
        <translation>主机</translation>
    </message>
    <message>
        <source>REPOSITORY</source>
        <translation>仓库</translation>
    </message>
    <message>
        <source>TAG</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>IMAGE ID</source>
        <translation>镜像 ID</translation>
    </message>
    <message>
        <source>DIGEST</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>SIZE</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>CREATED</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>USED BY</source>
        <translation>使用者</translation>
    </message>
    <message>
        <source>host %1: %2</source>
        <translation>主机 %1：%2</translation>
    </message>
    <message>
        <source>--%1 needs a value.</source>
        <translation>--%1 需要一个值。</translation>
    </message>
    <message>
        <source>--label &quot;%1&quot;: expected KEY or KEY=VALUE.</source>
        <translation>--label “%1”：应为 KEY 或 KEY=VALUE。</translation>
    </message>
    <message>
        <source>--state &quot;%1&quot;: not a container state (%2).</source>
        <translation>--state “%1”：不是容器状态（%2）。</translation>
    </message>
    <message>
        <source>Lists the containers of every host.</source>
        <translation>列出每台主机上的容器。</translation>
    </message>
    <message>
        <source>Show all containers (default: running only).</source>
        <translation>显示所有容器（默认只显示运行中的）。</translation>
    </message>
    <message>
        <source>Only containers of this application (label slipway.app); repeatable: any of them.</source>
        <translation>只列出此应用的容器（标签 slipway.app）；可重复：匹配其中任意一个。</translation>
    </message>
    <message>
        <source>Only containers of this environment (label slipway.env); repeatable: any of them.</source>
        <translation>只列出此环境的容器（标签 slipway.env）；可重复：匹配其中任意一个。</translation>
    </message>
    <message>
        <source>Only containers in this state (created, restarting, running, removing, paused, exited, dead); repeatable: any of them. Implies --all.</source>
        <translation>只列出处于此状态的容器（created、restarting、running、removing、paused、exited、dead）；可重复：匹配其中任意一个。隐含 --all。</translation>
    </message>
    <message>
        <source>Only containers with this label, KEY or KEY=VALUE; repeatable: all of them.</source>
        <translation>只列出带有此标签的容器，KEY 或 KEY=VALUE；可重复：必须全部匹配。</translation>
    </message>
    <message>
        <source>Only the configured host of this name (see slipctl hosts); repeatable.</source>
        <translation>只使用此名称的已配置主机（参见 slipctl hosts）；可重复。</translation>
    </message>
    <message>
        <source>--host-name: no configured host is named &quot;%1&quot; (hosts: %2).</source>
        <translation>--host-name：没有名为“%1”的已配置主机（主机：%2）。</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>CONTAINER ID</source>
        <translation>容器 ID</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>IMAGE</source>
        <translation>镜像</translation>
    </message>
    <message>
        <source>STATE</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>STATUS</source>
        <translation>状态详情</translation>
    </message>
    <message>
        <source>APP</source>
        <translation>应用</translation>
    </message>
    <message>
        <source>ENV</source>
        <translation>环境</translation>
    </message>
    <message>
        <source>PORTS</source>
        <translation>端口</translation>
    </message>
    <message>
        <source>Engine to use instead of the configured ones (repeatable): unix:///path or tcp://host:port.</source>
        <translation>使用此引擎代替已配置的引擎（可重复）：unix:///路径 或 tcp://主机:端口。</translation>
    </message>
    <message>
        <source>Directory of Slipway&apos;s database (saved hosts).</source>
        <translation>Slipway 数据库（已保存的主机）所在目录。</translation>
    </message>
    <message>
        <source>Shows each engine: version, API version in use, OS, CPUs, memory, containers, images and Swarm role. Exits non-zero when any host does not answer.</source>
        <translation>显示每个引擎：版本、所用 API 版本、操作系统、CPU、内存、容器、镜像及 Swarm 角色。任一主机无响应时以非零状态退出。</translation>
    </message>
    <message>
        <source>ENGINE</source>
        <translation>引擎</translation>
    </message>
    <message>
        <source>API</source>
        <translation>API</translation>
    </message>
    <message>
        <source>OS</source>
        <translation>操作系统</translation>
    </message>
    <message>
        <source>CPUS</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>MEMORY</source>
        <translation>内存</translation>
    </message>
    <message>
        <source>CONTAINERS</source>
        <translation>容器</translation>
    </message>
    <message>
        <source>IMAGES</source>
        <translation>镜像</translation>
    </message>
    <message>
        <source>SWARM</source>
        <translation>SWARM</translation>
    </message>
    <message>
        <source>unreachable</source>
        <translation>无法连接</translation>
    </message>
    <message>
        <source>%1 running / %2</source>
        <translation>%1 运行中 / %2</translation>
    </message>
    <message>
        <source>slipctl: unknown command &quot;%1&quot;</source>
        <translation>slipctl：未知命令 &quot;%1&quot;</translation>
    </message>
    <message>
        <source>CPU, memory, network and block I/O of every running container, and each host&apos;s share of its capacity: one snapshot, as docker stats --no-stream.</source>
        <translation>每个运行中容器的 CPU、内存、网络和块 I/O，以及每台主机的容量占用比例：一次性快照，等同于 docker stats --no-stream。</translation>
    </message>
    <message>
        <source>%1 container(s) not measured: %2</source>
        <translation>%1 个容器未测量：%2</translation>
    </message>
    <message>
        <source>CPU %</source>
        <translation>CPU %</translation>
    </message>
    <message>
        <source>MEM USAGE / LIMIT</source>
        <translation>内存用量 / 限制</translation>
    </message>
    <message>
        <source>MEM %</source>
        <translation>内存 %</translation>
    </message>
    <message>
        <source>NET I/O</source>
        <translation>网络 I/O</translation>
    </message>
    <message>
        <source>BLOCK I/O</source>
        <translation>块 I/O</translation>
    </message>
    <message>
        <source>MEM USAGE / TOTAL</source>
        <translation>内存用量 / 总量</translation>
    </message>
    <message>
        <source>the command did not finish within --timeout %1 s; what was running was cancelled</source>
        <translation>命令未在 --timeout %1 秒内完成；正在运行的操作已取消</translation>
    </message>
    <message>
        <source>Seconds each host has to answer when it is reached: the connection, the API version check and, for hosts, the whole probe (default 10).</source>
        <translation>连接每台主机时等待其应答的秒数：包括建立连接、API 版本检查，对 hosts 命令还包括整个探测过程（默认 10）。</translation>
    </message>
    <message>
        <source>Seconds the whole command may take; after that it cancels what runs and exits 1 (default: no limit).</source>
        <translation>整个命令可用的秒数；超时后取消正在运行的操作并以 1 退出（默认：不限制）。</translation>
    </message>
    <message>
        <source>warning: %1</source>
        <translation>警告：%1</translation>
    </message>
    <message>
        <source>warning: host %1: %2 (one engine at several endpoints: placement counts it once)</source>
        <translation>警告：主机 %1：%2（同一引擎有多个端点：放置副本时只计为一个）</translation>
    </message>
    <message>
        <source>The team&apos;s PostgreSQL database, postgresql://[USER@]HOST[:PORT]/DB[?sslmode=verify-full&amp;sslrootcert=FILE] (default: SLIPWAY_DATABASE; unset: this desk&apos;s own file). The password comes from ~/.pgpass or PGPASSWORD, never from the URL.</source>
        <translation>团队的 PostgreSQL 数据库，postgresql://[USER@]HOST[:PORT]/DB[?sslmode=verify-full&amp;sslrootcert=FILE]（默认：SLIPWAY_DATABASE；未设置时：本机自己的数据库文件）。密码来自 ~/.pgpass 或 PGPASSWORD，绝不来自 URL。</translation>
    </message>
    <message>
        <source>Usage: slipctl COMMAND [options]

Commands:
  hosts     engines, their versions and load; fails when one is down
  images    images on all hosts: tags, digests, sizes, used by
  ps        containers on all hosts
  stats     CPU, memory, network and disk use per container and host
  deploy    deploy an application version, replacing the running one
  history   the deployments of an application
  rollback  roll an application back to an earlier deployment
  scale     scale an application to N replicas
  undo      bring back what the latest deployment replaced
  adopt     take over replicas an earlier Slipway left without an owner
  lock      who holds an application&apos;s lock on the engines
  takeover  take an application&apos;s lock from an owner that died
  reconcile pause, resume or show the reconcile of an application
  env       environments from Compose templates (up, down, ls, validate)
  db        the team database: migrate, status, grant, revoke
  agent     run the timed work (recovery, replica counts) until stopped

Every command takes --host URL (repeatable), --json, --connect-timeout SECONDS (for each host to answer when it is reached; default 10), --timeout SECONDS (for the whole command; default none) and --database URL (the team&apos;s PostgreSQL; default SLIPWAY_DATABASE, else this desk&apos;s own file).
Run &apos;slipctl COMMAND --help&apos; for a command&apos;s options.
</source>
        <translation>用法：slipctl COMMAND [选项]

命令：
  hosts     引擎及其版本和负载；任一引擎宕机时失败
  images    所有主机上的镜像：标签、摘要、大小、使用者
  ps        所有主机上的容器
  stats     每个容器和主机的 CPU、内存、网络和磁盘使用情况
  deploy    部署应用的某个版本，替换正在运行的版本
  history   应用的部署历史
  rollback  将应用回滚到之前的部署
  scale     将应用扩缩到 N 个副本
  undo      恢复最近一次部署所替换的内容
  adopt     接管早先的 Slipway 留下的无所有者副本
  lock      查看谁在引擎上持有应用的锁
  takeover  从已终止的所有者处接管应用的锁
  reconcile 暂停、恢复或查看应用的协调
  env       基于 Compose 模板的环境（up、down、ls、validate）
  db        团队数据库：migrate、status、grant、revoke
  agent     运行定时任务（恢复、副本数）直到被停止

每个命令都接受 --host URL（可重复）、--json、--connect-timeout SECONDS（连接到每个主机后等待其响应的时间；默认 10）、--timeout SECONDS（整个命令的时间；默认不限制）和 --database URL（团队的 PostgreSQL；默认 SLIPWAY_DATABASE，否则为本机自己的数据库文件）。
运行“slipctl COMMAND --help”查看某个命令的选项。
</translation>
    </message>
    <message>
        <source>Measure every container now (two passes of each engine&apos;s collector, about two seconds) even when a Slipway agent or window on this desk samples them already.</source>
        <translation>即使本工作台上的 Slipway 代理或窗口已在采样，也立即测量每个容器（每个引擎的采集器需两轮，约两秒）。</translation>
    </message>
</context>
<context>
    <name>slipway::app::MainWindow</name>
    <message>
        <source>Dashboard</source>
        <translation>仪表板</translation>
    </message>
    <message>
        <source>Releases</source>
        <translation>发布</translation>
    </message>
    <message>
        <source>Environments</source>
        <translation>环境</translation>
    </message>
    <message>
        <source>Applications</source>
        <translation>应用</translation>
    </message>
    <message>
        <source>Containers</source>
        <translation>容器</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>镜像</translation>
    </message>
    <message>
        <source>Hosts</source>
        <translation>主机</translation>
    </message>
    <message>
        <source>Audit</source>
        <translation>审计</translation>
    </message>
    <message>
        <source>Slipway</source>
        <translation>Slipway</translation>
    </message>
    <message>
        <source>The release queue: groups of application versions waiting for review, approved by a team lead and rolled out, with rollback to any earlier deployment.</source>
        <translation>发布队列：等待评审的应用版本组，由团队负责人批准后上线，并可回滚到任何一次较早的部署。</translation>
    </message>
    <message>
        <source>Loading hosts…</source>
        <translation>正在加载主机…</translation>
    </message>
    <message>
        <source>Hosts: %1 of %2 up</source>
        <translation>主机：%2 台中 %1 台在线</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>告警</translation>
    </message>
    <message>
        <source>Swarm services</source>
        <translation>Swarm 服务</translation>
    </message>
    <message>
        <source>No alerts firing</source>
        <translation>没有正在触发的告警</translation>
    </message>
    <message>
        <source>Alerts: %1 firing, %2 not acknowledged</source>
        <translation>告警：%1 个触发中，%2 个未确认</translation>
    </message>
    <message>
        <source>Quit Slipway</source>
        <translation>退出 Slipway</translation>
    </message>
    <message>
        <source>A deployment is still running.</source>
        <translation>仍有部署正在进行。</translation>
    </message>
    <message>
        <source>Cancel it: its new replicas are removed, the running version keeps serving, and Slipway quits when that is done.
Finish it in the background: the window closes now and Slipway quits when the change has ended.
Leave it to recovery: Slipway quits now; what the change started is cleaned up the next time Slipway or slipctl starts.</source>
        <translation>取消变更：删除其新副本，正在运行的版本继续提供服务，完成后 Slipway 退出。
在后台完成：窗口立即关闭，变更结束后 Slipway 退出。
交由恢复处理：Slipway 立即退出；该变更已启动的内容将在下次启动 Slipway 或 slipctl 时清理。</translation>
    </message>
    <message>
        <source>Cancel the change</source>
        <translation>取消变更</translation>
    </message>
    <message>
        <source>Finish in the background</source>
        <translation>在后台完成</translation>
    </message>
    <message>
        <source>Leave it to recovery</source>
        <translation>交由恢复处理</translation>
    </message>
    <message>
        <source>Go back</source>
        <translation>返回</translation>
    </message>
    <message>
        <source>Cancelling the running change; Slipway quits once its new replicas are removed…</source>
        <translation>正在取消进行中的变更；删除其新副本后 Slipway 将退出…</translation>
    </message>
    <message>
        <source>Timed work: run by %1</source>
        <translation>定时任务：由 %1 运行</translation>
    </message>
</context>
<context>
    <name>slipway::cli</name>
    <message>
        <source>Deploys an application version: starts the new replicas, waits until they are healthy, then stops the running ones (kept stopped for the undo window).</source>
        <translation>部署一个应用版本：启动新副本，等待它们变为健康，然后停止正在运行的副本（在撤销窗口期内保持停止状态）。</translation>
    </message>
    <message>
        <source>The image, REPOSITORY:TAG or REPOSITORY@sha256:…; pinned by digest.</source>
        <translation>镜像，REPOSITORY:TAG 或 REPOSITORY@sha256:…；按摘要固定。</translation>
    </message>
    <message>
        <source>How many replicas (default 1).</source>
        <translation>副本数（默认 1）。</translation>
    </message>
    <message>
        <source>Publish a port, [IP:][HOST:]CONTAINER (IP defaults to 127.0.0.1; HOST 0 or absent: any free port); repeatable.</source>
        <translation>发布端口，[IP:][HOST:]CONTAINER（IP 默认为 127.0.0.1；HOST 为 0 或省略：任意空闲端口）；可重复。</translation>
    </message>
    <message>
        <source>A shell command that exits 0 when a replica is healthy (default: the image&apos;s health check, else a TCP connect to a published port).</source>
        <translation>副本健康时以 0 退出的 shell 命令（默认：镜像自带的健康检查，否则对已发布端口进行 TCP 连接）。</translation>
    </message>
    <message>
        <source>The network to attach replicas to (default: the engine&apos;s bridge).</source>
        <translation>副本要连接的网络（默认：引擎的 bridge 网络）。</translation>
    </message>
    <message>
        <source>--image is required.</source>
        <translation>必须指定 --image。</translation>
    </message>
    <message>
        <source>--image &quot;%1&quot;: %2</source>
        <translation>--image “%1”：%2</translation>
    </message>
    <message>
        <source>--replicas takes a number of at least 1.</source>
        <translation>--replicas 需要一个至少为 1 的数字。</translation>
    </message>
    <message>
        <source>--env-var &quot;%1&quot;: expected K=V.</source>
        <translation>--env-var “%1”：应为 K=V。</translation>
    </message>
    <message>
        <source>Deployed %1 %2 in %3: %4 replica(s) of %5 on %6 (deployment #%7)</source>
        <translation>已在 %3 中部署 %1 %2：%5 的 %4 个副本，位于 %6（部署 #%7）</translation>
    </message>
    <message>
        <source>deploy failed: %1</source>
        <translation>部署失败：%1</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>STARTED</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>KIND</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>VERSION</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>DIGEST</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>REPLICAS</source>
        <translation>副本</translation>
    </message>
    <message>
        <source>RESULT</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>USER</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>RESTORABLE</source>
        <translation>可回滚</translation>
    </message>
    <message>
        <source>DETAIL</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Rolls an application back to an earlier deployment: pulls its image by digest, starts the replicas with the recorded configuration, waits until they are healthy, then stops the running ones. If the target never becomes healthy, the running version stays untouched.</source>
        <translation>将应用回滚到较早的部署：按摘要拉取其镜像，以记录的配置启动副本，等待它们变为健康，然后停止正在运行的副本。如果目标始终未变为健康，正在运行的版本保持不变。</translation>
    </message>
    <message>
        <source>The version, digest (sha256:… or 12+ hex digits) or #deployment to roll back to (default: the previous version).</source>
        <translation>要回滚到的版本、摘要（sha256:… 或 12 位以上十六进制数字）或 #部署编号（默认：上一个版本）。</translation>
    </message>
    <message>
        <source>Print the plan and stop.</source>
        <translation>输出计划后停止。</translation>
    </message>
    <message>
        <source>--to needs a version, a digest or #ID.</source>
        <translation>--to 需要版本、摘要或 #ID。</translation>
    </message>
    <message>
        <source>%1 in %2 has no deployment of &quot;%3&quot; (see slipctl history).</source>
        <translation>%2 中的 %1 没有“%3”的部署（参见 slipctl history）。</translation>
    </message>
    <message>
        <source>Roll back %1 in %2</source>
        <translation>回滚 %2 中的 %1</translation>
    </message>
    <message>
        <source>  from %1 (%2), deployment #%3</source>
        <translation>  从 %1（%2），部署 #%3</translation>
    </message>
    <message>
        <source>  to   %1 (%2), deployment #%3</source>
        <translation>  到 %1（%2），部署 #%3</translation>
    </message>
    <message>
        <source>  %1 replica(s) on %2</source>
        <translation>  %2 上的 %1 个副本</translation>
    </message>
    <message>
        <source>  stop-first: %1</source>
        <translation>  先停后启：%1</translation>
    </message>
    <message>
        <source>Rolled back %1 in %2 to %3 (%4): %5 replica(s), deployment #%6</source>
        <translation>已将 %2 中的 %1 回滚到 %3（%4）：%5 个副本，部署 #%6</translation>
    </message>
    <message>
        <source>rollback failed, %1 keeps running: %2</source>
        <translation>回滚失败，%1 继续运行：%2</translation>
    </message>
    <message>
        <source>Scales the running version of an application to N replicas: new ones with the same configuration on the least-loaded hosts, or the newest removed first.</source>
        <translation>将应用正在运行的版本扩缩到 N 个副本：以相同配置在负载最低的主机上创建新副本，或优先删除最新的副本。</translation>
    </message>
    <message>
        <source>How many replicas to have.</source>
        <translation>目标副本数。</translation>
    </message>
    <message>
        <source>%1 in %2 runs %3 replica(s) of %4 on %5</source>
        <translation>%2 中的 %1 在 %5 上运行 %4 的 %3 个副本</translation>
    </message>
    <message>
        <source>scale failed: %1</source>
        <translation>扩缩失败：%1</translation>
    </message>
    <message>
        <source>Undoes the latest deployment, rollback or undo of an application while its undo window is open: starts the replicas it stopped again (no pull, no new containers), waits until they are healthy, then stops the current ones.</source>
        <translation>在撤销窗口内撤销应用最近一次的部署、回滚或撤销：重新启动它停止的副本（不拉取镜像，不创建新容器），等待其健康后再停止当前副本。</translation>
    </message>
    <message>
        <source>%1 in %2 runs %3 again (%4)</source>
        <translation>%2 中的 %1 重新运行 %3（%4）</translation>
    </message>
    <message>
        <source>undo failed: %1</source>
        <translation>撤销失败：%1</translation>
    </message>
    <message>
        <source>not a number of seconds</source>
        <translation>不是有效的秒数</translation>
    </message>
    <message>
        <source>must be 0 seconds or more</source>
        <translation>必须为 0 秒或以上</translation>
    </message>
    <message>
        <source>must be more than 0 seconds</source>
        <translation>必须大于 0 秒</translation>
    </message>
    <message>
        <source>at most %1 seconds (a day)</source>
        <translation>最多 %1 秒（一天）</translation>
    </message>
    <message>
        <source>not a whole number</source>
        <translation>不是整数</translation>
    </message>
    <message>
        <source>must be at least %1</source>
        <translation>必须至少为 %1</translation>
    </message>
    <message>
        <source>at most %1</source>
        <translation>最多为 %1</translation>
    </message>
    <message>
        <source>--%1 &quot;%2&quot;: %3.</source>
        <translation>--%1 “%2”：%3。</translation>
    </message>
    <message>
        <source>--secret-env &quot;%1&quot;: give the variable&apos;s name only; its value comes from slipctl&apos;s environment.</source>
        <translation>--secret-env “%1”：只需给出变量名；其值取自 slipctl 的环境。</translation>
    </message>
    <message>
        <source>--secret-env %1: %1 is not set in slipctl&apos;s environment (export %1=… first).</source>
        <translation>--secret-env %1：slipctl 的环境中未设置 %1（请先 export %1=…）。</translation>
    </message>
    <message>
        <source>An environment variable, K=V; repeatable. A name with PASSWORD, SECRET, TOKEN or KEY in it is a secret (see --secret-env).</source>
        <translation>环境变量，K=V；可重复。名称中含 PASSWORD、SECRET、TOKEN 或 KEY 的变量视为机密（参见 --secret-env）。</translation>
    </message>
    <message>
        <source>Pass the variable KEY from slipctl&apos;s own environment as a secret, like docker run -e KEY; repeatable. Its value is never stored or shown: later changes take it from the environment, the secrets file or the running replicas (see the README).</source>
        <translation>将 slipctl 自身环境中的变量 KEY 作为机密传入，类似 docker run -e KEY；可重复。其值从不存储或显示：之后的变更会从环境、机密文件或正在运行的副本中获取它（参见 README）。</translation>
    </message>
    <message>
        <source>%1 is taken as a secret (its name says so): its value is used for this deployment, never stored or shown; later changes find it in the environment, the secrets file or the running replicas.</source>
        <translation>%1 被视为机密（由其名称判断）：其值用于本次部署，从不存储或显示；之后的变更会从环境、机密文件或正在运行的副本中找到它。</translation>
    </message>
    <message>
        <source>Lists the deployments of an application, newest first; RESTORABLE says whether its version can still be rolled back to. Secrets show as KEY=******.</source>
        <translation>列出应用的部署，最新的在前；“可回滚”列表示是否仍可回滚到该版本。机密显示为 KEY=******。</translation>
    </message>
    <message>
        <source>ENV</source>
        <translation>环境变量</translation>
    </message>
    <message>
        <source>%1 in %2 has never been deployed successfully: there is nothing to roll back.</source>
        <translation>%1 在 %2 中从未成功部署过：没有可回滚的内容。</translation>
    </message>
    <message>
        <source>%1 in %2 has nothing to roll back to.</source>
        <translation>%1 在 %2 中没有可回滚到的版本。</translation>
    </message>
    <message>
        <source>Takes over the running replicas of an application that an earlier Slipway deployed (their labels carry only a deployment number, no database): this database records them as its own, audited, and its next deploy, rollback or scale retires them as usual. Replicas another Slipway database owns are never adopted.</source>
        <translation>认领较早的 Slipway 部署的应用的运行中副本（其标签只带部署编号，不带数据库）：本数据库将它们记录为自己的副本并写入审计，之后的部署、回滚或扩缩会照常让它们退役。属于另一个 Slipway 数据库的副本永远不会被认领。</translation>
    </message>
    <message>
        <source>%1 in %2: deployment #%3 adopts %4 replica(s) of %5 (%6)</source>
        <translation>%2 中的 %1：部署 #%3 认领了 %5 的 %4 个副本（%6）</translation>
    </message>
    <message>
        <source>adopt failed: %1</source>
        <translation>认领失败：%1</translation>
    </message>
    <message>
        <source>Seconds each new replica is watched once healthy: an exit, a restart or an OOM kill in that time fails the change and the running version keeps serving (default 5, as Swarm&apos;s --update-monitor; 0: not watched).</source>
        <translation>每个新副本变为健康后被监视的秒数：在此期间退出、重启或因内存不足被终止都会使变更失败，正在运行的版本继续提供服务（默认 5，同 Swarm 的 --update-monitor；0：不监视）。</translation>
    </message>
    <message>
        <source>A readiness probe sent from inside each new replica: http://:PORT/PATH (any 2xx or 3xx answer) or tcp://:PORT (a connection). Default: the image&apos;s health check, else a TCP connect to the first published port&apos;s container side.</source>
        <translation>从每个新副本内部发送的就绪探针：http://:PORT/PATH（任何 2xx 或 3xx 应答）或 tcp://:PORT（能建立连接）。默认：镜像自带的健康检查，否则对第一个已发布端口的容器端进行 TCP 连接。</translation>
    </message>
    <message>
        <source>HOSTS</source>
        <translation>主机</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>%1 (store %2, generation %3, since %4, last heartbeat %5 s ago, ttl %6 s: %7)</source>
        <translation>%1（存储 %2，代次 %3，自 %4 起，上次心跳 %5 秒前，ttl %6 秒：%7）</translation>
    </message>
    <message>
        <source>stale</source>
        <translation>已失效</translation>
    </message>
    <message>
        <source>alive</source>
        <translation>存活</translation>
    </message>
    <message>
        <source>Shows who holds the lock of an application in an environment on the engines (the store, person, machine and process changing it now), or that it is free.</source>
        <translation>显示谁在引擎上持有某环境中某应用的锁（当前正在更改它的存储、人员、机器和进程），或该锁空闲。</translation>
    </message>
    <message>
        <source>%1 in %2 is held by %3</source>
        <translation>%2 中的 %1 由 %3 持有</translation>
    </message>
    <message>
        <source>%1 in %2 is free</source>
        <translation>%2 中的 %1 空闲</translation>
    </message>
    <message>
        <source>Takes over the lock of an application in an environment from an owner that died or hangs: shows the holder, asks, removes its lock and takes a new one (the old owner makes no further change), records it in the audit log, then releases it. A holder whose heartbeat is still fresh is refused unless --force.</source>
        <translation>从已终止或挂起的持有者处接管某环境中某应用的锁：显示持有者，询问确认，删除其锁并获取一个新锁（原持有者不会再做任何更改），记入审计日志，然后释放锁。心跳仍然新鲜的持有者会被拒绝，除非使用 --force。</translation>
    </message>
    <message>
        <source>Do not ask (scripts: nothing is asked without a terminal, so --yes is needed there).</source>
        <translation>不询问（用于脚本：没有终端时不会询问，因此在脚本中需要 --yes）。</translation>
    </message>
    <message>
        <source>Take over even from a holder that is alive (its heartbeat is fresh): it is stopped at its next change.</source>
        <translation>即使持有者仍存活（其心跳新鲜）也接管：它会在下一次更改时被停止。</translation>
    </message>
    <message>
        <source>the database has no store id</source>
        <translation>数据库没有存储 ID</translation>
    </message>
    <message>
        <source>%1 in %2 is free: nothing to take over</source>
        <translation>%2 中的 %1 空闲：没有可接管的锁</translation>
    </message>
    <message>
        <source>the holder is alive: its heartbeat is fresh. Take over anyway with --force (it is stopped at its next change).</source>
        <translation>持有者仍存活：其心跳新鲜。如仍要接管，请使用 --force（它会在下一次更改时被停止）。</translation>
    </message>
    <message>
        <source>not confirmed: there is no terminal to ask on; pass --yes</source>
        <translation>未确认：没有可用于询问的终端；请传入 --yes</translation>
    </message>
    <message>
        <source>Take over the lock of %1 in %2 from %3? [y/N] </source>
        <translation>要从 %3 接管 %2 中 %1 的锁吗？[y/N] </translation>
    </message>
    <message>
        <source>y</source>
        <translation>y</translation>
    </message>
    <message>
        <source>not taken over</source>
        <translation>未接管</translation>
    </message>
    <message>
        <source>from %1 (store %2, generation %3, %4%5); now generation %6</source>
        <translation>接管自 %1（存储 %2，代次 %3，%4%5）；现为代次 %6</translation>
    </message>
    <message>
        <source>, forced</source>
        <translation>，强制</translation>
    </message>
    <message>
        <source>from %1 (generation %2): %3</source>
        <translation>接管自 %1（代次 %2）：%3</translation>
    </message>
    <message>
        <source>cannot write the audit log: %1</source>
        <translation>无法写入审计日志：%1</translation>
    </message>
    <message>
        <source>take-over failed: %1</source>
        <translation>接管失败：%1</translation>
    </message>
    <message>
        <source>interrupted: its lock was taken over by %1</source>
        <translation>已中断：其锁已被 %1 接管</translation>
    </message>
    <message>
        <source>took over %1 in %2 from %3 (generation %4) and released it</source>
        <translation>已从 %3 接管 %2 中 %1 的锁（代次 %4）并已释放</translation>
    </message>
    <message>
        <source>Pauses, resumes or shows the reconcile of an application: while it is paused, Slipway does not start again or replace replicas that stopped or went away, so they can be worked on by hand.</source>
        <translation>暂停、恢复或查看应用的协调：暂停期间，Slipway 不会重新启动或替换已停止或消失的副本，以便手动处理它们。</translation>
    </message>
    <message>
        <source>pause, resume or status.</source>
        <translation>pause、resume 或 status。</translation>
    </message>
    <message>
        <source>The application (label slipway.app).</source>
        <translation>应用（标签 slipway.app）。</translation>
    </message>
    <message>
        <source>The environment (label slipway.env).</source>
        <translation>环境（标签 slipway.env）。</translation>
    </message>
    <message>
        <source>reconcile takes an action (pause, resume or status) and one application name (see --help).</source>
        <translation>reconcile 需要一个操作（pause、resume 或 status）和一个应用名称（参见 --help）。</translation>
    </message>
    <message>
        <source>unknown reconcile action &quot;%1&quot;: use pause, resume or status.</source>
        <translation>未知的 reconcile 操作“%1”：请使用 pause、resume 或 status。</translation>
    </message>
    <message>
        <source>--env is required.</source>
        <translation>必须指定 --env。</translation>
    </message>
    <message>
        <source>application</source>
        <translation>应用</translation>
    </message>
    <message>
        <source>environment</source>
        <translation>环境</translation>
    </message>
    <message>
        <source>reconcile paused: replicas are left as they are</source>
        <translation>协调已暂停：副本保持原样</translation>
    </message>
    <message>
        <source>reconcile resumed</source>
        <translation>协调已恢复</translation>
    </message>
    <message>
        <source>reconcile %1 failed: %2</source>
        <translation>协调 %1 失败：%2</translation>
    </message>
    <message>
        <source>reconcile of %1 in %2 is paused (by %3 since %4)</source>
        <translation>%2 中 %1 的协调已暂停（由 %3 自 %4 起暂停）</translation>
    </message>
    <message>
        <source>reconcile of %1 in %2 is on: stopped or missing replicas are started again</source>
        <translation>%2 中 %1 的协调已开启：已停止或缺失的副本会被重新启动</translation>
    </message>
    <message>
        <source>Usage: slipctl env SUBCOMMAND [options]

Subcommands:
  up        provision an environment from a template
  down      recycle environments
  ls        list environments and their services
  validate  read a Compose template and print it resolved, or every error
  vars      a template&apos;s variables per kind, shown or changed
  versions  the templates, or the versions of one
  diff      the changes between two versions of a template

Run &apos;slipctl env SUBCOMMAND --help&apos; for a subcommand&apos;s options.
</source>
        <translation>用法：slipctl env SUBCOMMAND [选项]

子命令：
  up        从模板置备环境
  down      回收环境
  ls        列出环境及其服务
  validate  读取 Compose 模板并输出解析结果，或列出所有错误
  vars      按类型查看或更改模板的变量
  versions  列出模板，或某个模板的各个版本
  diff      模板两个版本之间的更改

运行“slipctl env SUBCOMMAND --help”查看某个子命令的选项。
</translation>
    </message>
    <message>
        <source>slipctl env: unknown subcommand &quot;%1&quot;</source>
        <translation>slipctl env：未知子命令“%1”</translation>
    </message>
    <message>
        <source>Provisions an environment from a template: its networks, volumes and services in dependency order, each waited for per its condition. A failure at any step removes everything created for it. TEMPLATE is a template&apos;s name, or a Compose file, imported first as the template named after its folder.</source>
        <translation>从模板置备环境：按依赖顺序创建其网络、卷和服务，并按各自的条件等待每个服务。任一步骤失败都会删除为该环境创建的所有内容。TEMPLATE 为模板名称，或一个 Compose 文件（先将其导入为以其所在文件夹命名的模板）。</translation>
    </message>
    <message>
        <source>The template.</source>
        <translation>模板。</translation>
    </message>
    <message>
        <source>The kind of environment: test (default), integration, production or one of your own.</source>
        <translation>环境类型：test（默认）、integration、production 或自定义类型。</translation>
    </message>
    <message>
        <source>The environment&apos;s name (its Compose project name); default: made up from the template and the kind.</source>
        <translation>环境名称（即其 Compose 项目名称）；默认：由模板和类型生成。</translation>
    </message>
    <message>
        <source>KEY=VALUE over the kind&apos;s variables; repeatable.</source>
        <translation>KEY=VALUE，覆盖类型的变量；可重复。</translation>
    </message>
    <message>
        <source>env up takes one template (see --help).</source>
        <translation>env up 需要一个模板（参见 --help）。</translation>
    </message>
    <message>
        <source>--var &quot;%1&quot;: expected KEY=VALUE.</source>
        <translation>--var “%1”：应为 KEY=VALUE。</translation>
    </message>
    <message>
        <source>the template was not imported</source>
        <translation>模板未导入</translation>
    </message>
    <message>
        <source>Environment %1 is ready on %2 (template %3 v%4, kind %5).</source>
        <translation>环境 %1 已在 %2 上就绪（模板 %3 v%4，类型 %5）。</translation>
    </message>
    <message>
        <source>Recycles environments: their containers, networks and anonymous volumes are removed, named volumes only unless their template keeps them. The record stays.</source>
        <translation>回收环境：删除其容器、网络和匿名卷；命名卷也会删除，除非其模板保留它们。环境记录会保留。</translation>
    </message>
    <message>
        <source>The environments, by name.</source>
        <translation>环境（按名称）。</translation>
    </message>
    <message>
        <source>Every live environment of mine.</source>
        <translation>我的所有活动环境。</translation>
    </message>
    <message>
        <source>env down takes environment names or --mine (see --help).</source>
        <translation>env down 需要环境名称或 --mine（参见 --help）。</translation>
    </message>
    <message>
        <source>no live environment is named &quot;%1&quot;</source>
        <translation>没有名为“%1”的活动环境</translation>
    </message>
    <message>
        <source>Recycled %1.</source>
        <translation>已回收 %1。</translation>
    </message>
    <message>
        <source>Lists environments: by default the live ones of mine, with their services.</source>
        <translation>列出环境：默认列出我的活动环境及其服务。</translation>
    </message>
    <message>
        <source>Everyone&apos;s, and those recycled or failed too.</source>
        <translation>所有人的环境，包括已回收或失败的环境。</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>TEMPLATE</source>
        <translation>模板</translation>
    </message>
    <message>
        <source>HOST</source>
        <translation>主机</translation>
    </message>
    <message>
        <source>STATE</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>SERVICES</source>
        <translation>服务</translation>
    </message>
    <message>
        <source>OWNER</source>
        <translation>所有者</translation>
    </message>
    <message>
        <source>ENDPOINTS</source>
        <translation>端点</translation>
    </message>
    <message>
        <source>Shows or changes a template&apos;s variables for a kind (without --kind: the template&apos;s own, under every kind&apos;s). A secret keeps only its name: its value comes from the environment, the secrets file or --var at env up.</source>
        <translation>查看或更改模板在某一类型下的变量（不带 --kind 时：模板自身的变量，可被各类型的变量覆盖）。机密只保存名称：其值来自环境变量、机密文件或 env up 时的 --var。</translation>
    </message>
    <message>
        <source>The kind.</source>
        <translation>类型。</translation>
    </message>
    <message>
        <source>Sets KEY=VALUE; repeatable.</source>
        <translation>设置 KEY=VALUE；可重复。</translation>
    </message>
    <message>
        <source>Declares KEY a secret; repeatable.</source>
        <translation>将 KEY 声明为机密；可重复。</translation>
    </message>
    <message>
        <source>Removes KEY; repeatable.</source>
        <translation>删除 KEY；可重复。</translation>
    </message>
    <message>
        <source>env vars takes one template (see --help).</source>
        <translation>env vars 需要一个模板（参见 --help）。</translation>
    </message>
    <message>
        <source>--set &quot;%1&quot;: expected KEY=VALUE.</source>
        <translation>--set “%1”：应为 KEY=VALUE。</translation>
    </message>
    <message>
        <source>no template is named &quot;%1&quot;</source>
        <translation>没有名为“%1”的模板</translation>
    </message>
    <message>
        <source>VARIABLE</source>
        <translation>变量</translation>
    </message>
    <message>
        <source>VALUE</source>
        <translation>值</translation>
    </message>
    <message>
        <source>SECRET</source>
        <translation>机密</translation>
    </message>
    <message>
        <source>SET BY</source>
        <translation>设置者</translation>
    </message>
    <message>
        <source>Lists the templates, or the versions of one, newest first.</source>
        <translation>列出模板或某个模板的各个版本，最新的在前。</translation>
    </message>
    <message>
        <source>FROM</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>SAVED BY</source>
        <translation>保存者</translation>
    </message>
    <message>
        <source>SAVED</source>
        <translation>保存时间</translation>
    </message>
    <message>
        <source>ORIGIN</source>
        <translation>原始位置</translation>
    </message>
    <message>
        <source>The changes between two versions of a template, file by file, as a unified diff (default: the newest against the one before).</source>
        <translation>以统一 diff 格式逐个文件显示模板两个版本之间的更改（默认：最新版本与其前一个版本比较）。</translation>
    </message>
    <message>
        <source>The older version.</source>
        <translation>较旧的版本。</translation>
    </message>
    <message>
        <source>env diff takes TEMPLATE [FROM [TO]] (see --help).</source>
        <translation>env diff 需要 TEMPLATE [FROM [TO]]（参见 --help）。</translation>
    </message>
    <message>
        <source>versions are numbers from 1 (&quot;%1&quot; has %2)</source>
        <translation>版本是从 1 开始的数字（“%1”有 %2 个版本）</translation>
    </message>
    <message>
        <source>--kind &quot;%1&quot;: no such kind</source>
        <translation>--kind “%1”：没有此类型</translation>
    </message>
    <message>
        <source>Reads a Compose template and the env files it names (relative to its folder) and prints it resolved, as docker-compose config does, or every error as FILE:LINE:COLUMN: KEY: MESSAGE. Reads variables only from --var, never from the environment. Never talks to an engine.</source>
        <translation>读取 Compose 模板及其引用的 env 文件（相对于其所在文件夹），并像 docker-compose config 一样输出解析后的结果，或以 FILE:LINE:COLUMN: KEY: MESSAGE 格式输出所有错误。只从 --var 读取变量，从不读取环境变量。从不连接引擎。</translation>
    </message>
    <message>
        <source>The Compose file.</source>
        <translation>Compose 文件。</translation>
    </message>
    <message>
        <source>A variable for interpolation (repeatable).</source>
        <translation>用于插值的变量（可重复）。</translation>
    </message>
    <message>
        <source>The project name (default: the file&apos;s name: key, else its folder).</source>
        <translation>项目名称（默认：文件中的 name: 键，否则为其所在文件夹名）。</translation>
    </message>
    <message>
        <source>Resolve with this kind&apos;s variables of the template stored under the file&apos;s folder name (as env up imports it), under --var; read from the local database.</source>
        <translation>使用以文件所在文件夹名保存的模板（即 env up 导入它时的名称）在此类型下的变量进行解析，--var 优先；从本地数据库读取。</translation>
    </message>
    <message>
        <source>The stored template whose kind variables --kind takes (default: the file&apos;s folder name).</source>
        <translation>--kind 从中获取类型变量的已保存模板（默认：文件所在文件夹名）。</translation>
    </message>
    <message>
        <source>The directory of Slipway&apos;s database (default: the GUI&apos;s).</source>
        <translation>Slipway 数据库所在目录（默认：与图形界面相同）。</translation>
    </message>
    <message>
        <source>Print JSON.</source>
        <translation>输出 JSON。</translation>
    </message>
    <message>
        <source>expected one FILE</source>
        <translation>应为一个 FILE</translation>
    </message>
    <message>
        <source>--project-name &quot;%1&quot; has no letter or digit</source>
        <translation>--project-name “%1”不含字母或数字</translation>
    </message>
    <message>
        <source>--var &quot;%1&quot;: expected K=V</source>
        <translation>--var “%1”：应为 K=V</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>cannot ask who leads: %1</source>
        <translation>无法查询领导者：%1</translation>
    </message>
    <message>
        <source>No agent or Slipway window leads the timed work on %1.</source>
        <translation>没有代理或 Slipway 窗口在 %1 上领导定时任务。</translation>
    </message>
    <message>
        <source>The timed work on %1 is run by %2.</source>
        <translation>%1 上的定时任务由 %2 运行。</translation>
    </message>
    <message>
        <source>Runs Slipway&apos;s timed work until stopped (SIGTERM or SIGINT): finishes interrupted deployments, keeps each application&apos;s replica count, sweeps what interrupted environment runs left. Any number of agents and Slipway windows may run on one database: one of them leads (an advisory lock on PostgreSQL, a lock file beside the desk&apos;s database) and only the leader acts; the others take over when it goes.</source>
        <translation>运行 Slipway 的定时任务直到被停止（SIGTERM 或 SIGINT）：完成被中断的部署，保持每个应用的副本数，清理被中断的环境运行留下的内容。同一数据库上可以运行任意数量的代理和 Slipway 窗口：其中一个成为领导者（在 PostgreSQL 上通过咨询锁，否则通过本机数据库旁的锁文件），只有领导者执行操作；领导者离开时，其他实例会接替。</translation>
    </message>
    <message>
        <source>Say who leads the timed work now, and exit.</source>
        <translation>显示当前由谁领导定时任务，然后退出。</translation>
    </message>
    <message>
        <source>The same as the status argument.</source>
        <translation>与 status 参数相同。</translation>
    </message>
    <message>
        <source>Lead (or find another leads), run each timed job once, and exit.</source>
        <translation>成为领导者（或发现已有其他领导者），将每项定时任务运行一次，然后退出。</translation>
    </message>
    <message>
        <source>Seconds between two runs of each timed job (default: 60 for recovery and the environment sweep, 5 for replica counts).</source>
        <translation>每项定时任务两次运行之间的秒数（默认：恢复和环境清理为 60，副本数为 5）。</translation>
    </message>
    <message>
        <source>Seconds between two tries to lead, and between a leader&apos;s checks of its database connection (default 5).</source>
        <translation>两次尝试成为领导者之间的秒数，以及领导者检查其数据库连接的间隔秒数（默认 5）。</translation>
    </message>
    <message>
        <source>agent takes no argument but &quot;status&quot; (see --help).</source>
        <translation>agent 只接受参数“status”（参见 --help）。</translation>
    </message>
    <message>
        <source>interrupted</source>
        <translation>已中断</translation>
    </message>
    <message>
        <source>the host list did not load in time</source>
        <translation>主机列表未能及时加载</translation>
    </message>
    <message>
        <source>no hosts: set DOCKER_HOST, pass --host, or add one in Slipway</source>
        <translation>没有主机：请设置 DOCKER_HOST、传入 --host，或在 Slipway 中添加主机</translation>
    </message>
    <message>
        <source>leading: %1 runs the timed work</source>
        <translation>正在领导：%1 运行定时任务</translation>
    </message>
    <message>
        <source>no longer leading: the timed work stops here</source>
        <translation>不再是领导者：定时任务在此停止</translation>
    </message>
    <message>
        <source>following: nobody leads; trying again</source>
        <translation>跟随：无人领导；正在重试</translation>
    </message>
    <message>
        <source>following: the timed work is run by %1</source>
        <translation>跟随：定时任务由 %1 运行</translation>
    </message>
    <message>
        <source>database: %1</source>
        <translation>数据库：%1</translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation>%1 失败：%2</translation>
    </message>
    <message>
        <source>reconcile %1/%2 failed: %3</source>
        <translation>协调 %1/%2 失败：%3</translation>
    </message>
    <message>
        <source>reconcile %1/%2: %3</source>
        <translation>协调 %1/%2：%3</translation>
    </message>
    <message>
        <source>environment sweep: what interrupted runs left is removed</source>
        <translation>环境清理：已删除被中断的运行留下的内容</translation>
    </message>
    <message numerus="yes">
        <source>started on %1 with %n host(s)</source>
        <translation>
            <numerusform>已在 %1 上启动，共 %n 个主机</numerusform>
        </translation>
    </message>
    <message>
        <source>stopping</source>
        <translation>正在停止</translation>
    </message>
    <message>
        <source>did not become the leader in time; nothing done</source>
        <translation>未能及时成为领导者；未执行任何操作</translation>
    </message>
    <message>
        <source>the timed work is run by %1; nothing done</source>
        <translation>定时任务由 %1 运行；未执行任何操作</translation>
    </message>
    <message>
        <source>operator of %1</source>
        <translation>%1 的 operator</translation>
    </message>
    <message>
        <source>database:       %1</source>
        <translation>数据库：  %1</translation>
    </message>
    <message>
        <source>schema version: %1</source>
        <translation>架构版本：%1</translation>
    </message>
    <message>
        <source>you are:        %1</source>
        <translation>你的身份：%1</translation>
    </message>
    <message>
        <source>your rights:    %1</source>
        <translation>你的权限：%1</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Administers the team database (--database or SLIPWAY_DATABASE):
  migrate             create or update its schema and its three roles; run by the schema&apos;s owner
  status              its schema version, who you are on it and your rights
  grant ROLE RIGHT    give a login role viewer, operator or approver (operator with --target: only for those applications)
  revoke ROLE RIGHT   take it back
  import              move this desk&apos;s history (--data-dir) into a new team database; run once by the schema&apos;s owner</source>
        <translation>管理团队数据库（--database 或 SLIPWAY_DATABASE）：
  migrate             创建或更新其架构及三个角色；由架构所有者运行
  status              其架构版本、你在其上的身份及你的权限
  grant ROLE RIGHT    授予登录角色 viewer、operator 或 approver 权限（operator 配合 --target：仅限这些应用）
  revoke ROLE RIGHT   收回该权限
  import              将本机的历史（--data-dir）迁入新的团队数据库；由架构所有者运行一次</translation>
    </message>
    <message>
        <source>migrate, status, grant, revoke or import.</source>
        <translation>migrate、status、grant、revoke 或 import。</translation>
    </message>
    <message>
        <source>The directory of Slipway&apos;s database on this desk.</source>
        <translation>本机上 Slipway 数据库所在的目录。</translation>
    </message>
    <message>
        <source>grant/revoke operator for one application only, APP or APP/ENV (repeatable): its deployments, reconcile pause and retention.</source>
        <translation>仅针对一个应用授予/收回 operator，格式为 APP 或 APP/ENV（可重复）：涉及其部署、协调暂停和保留设置。</translation>
    </message>
    <message>
        <source>db takes an action: migrate, status, grant, revoke or import (see --help).</source>
        <translation>db 需要一个操作：migrate、status、grant、revoke 或 import（参见 --help）。</translation>
    </message>
    <message>
        <source>no team database: pass --database postgresql://HOST/DB or set SLIPWAY_DATABASE.</source>
        <translation>没有团队数据库：请传入 --database postgresql://HOST/DB 或设置 SLIPWAY_DATABASE。</translation>
    </message>
    <message>
        <source>db migrate takes no arguments.</source>
        <translation>db migrate 不接受参数。</translation>
    </message>
    <message>
        <source>%1 is at schema version %2; its rights are the roles %3.</source>
        <translation>%1 的架构版本为 %2；其权限对应角色 %3。</translation>
    </message>
    <message>
        <source>db status takes no arguments.</source>
        <translation>db status 不接受参数。</translation>
    </message>
    <message>
        <source>db %1 takes a login role and a right (%2).</source>
        <translation>db %1 需要一个登录角色和一项权限（%2）。</translation>
    </message>
    <message>
        <source>unknown right &quot;%1&quot;: use %2.</source>
        <translation>未知权限“%1”：请使用 %2。</translation>
    </message>
    <message>
        <source>cannot %1 %2: %3</source>
        <translation>无法执行 %1 %2：%3</translation>
    </message>
    <message>
        <source>warning: not audited: %1</source>
        <translation>警告：未记入审计：%1</translation>
    </message>
    <message>
        <source>%1 is now %2 on %3.</source>
        <translation>%1 现已在 %3 上拥有 %2 权限。</translation>
    </message>
    <message>
        <source>%1 is no longer %2 on %3.</source>
        <translation>%1 已不再在 %3 上拥有 %2 权限。</translation>
    </message>
    <message>
        <source>db import takes no arguments.</source>
        <translation>db import 不接受参数。</translation>
    </message>
    <message>
        <source>unknown db action &quot;%1&quot;: use migrate, status, grant, revoke or import.</source>
        <translation>未知的 db 操作“%1”：请使用 migrate、status、grant、revoke 或 import。</translation>
    </message>
    <message>
        <source>there is no desk database at %1 to import (use --data-dir DIR).</source>
        <translation>%1 处没有可导入的本机数据库（请使用 --data-dir DIR）。</translation>
    </message>
    <message>
        <source>cannot import %1 into %2: %3</source>
        <translation>无法将 %1 导入 %2：%3</translation>
    </message>
    <message>
        <source>Imported %1 into %2; the team database is now store %3, so the containers this desk deployed stay owned.</source>
        <translation>已将 %1 导入 %2；团队数据库现在是存储 %3，因此本机部署的容器仍归其所有。</translation>
    </message>
    <message>
        <source>Pause or resume only if the setting is still at this version (as status --json showed it; 0: never set): a change someone made since is not overwritten, and the command fails saying what it is now.</source>
        <translation>仅当该设置仍为此版本时才暂停或恢复（即 status --json 所显示的版本；0 表示从未设置）：不会覆盖他人在此之后所做的更改，命令会失败并说明其当前状态。</translation>
    </message>
    <message>
        <source>--if-version takes a version number (0 or more), not &quot;%1&quot;.</source>
        <translation>--if-version 需要一个版本号（0 或更大），而不是“%1”。</translation>
    </message>
    <message>
        <source>Also sample every running container&apos;s utilization, as a Slipway window does, and answer slipctl stats on this desk from it: a snapshot then takes no engine round. Costs this process a few percent of a core per 200 containers.</source>
        <translation>同时像 Slipway 窗口一样采样每个运行中容器的资源使用，并据此回答本工作台上的 slipctl stats：快照因此无需向引擎再取一轮。每 200 个容器约占本进程一个核心的百分之几。</translation>
    </message>
    <message>
        <source>serving utilization to slipctl stats at %1</source>
        <translation>正在 %1 为 slipctl stats 提供资源使用数据</translation>
    </message>
    <message>
        <source>not serving utilization: %1</source>
        <translation>不提供资源使用数据：%1</translation>
    </message>
    <message>
        <source>Seconds between two rounds of that sampling (default 2).</source>
        <translation>该采样两轮之间的秒数（默认 2）。</translation>
    </message>
</context>
<context>
    <name>slipway::cli::CliDeployer</name>
    <message>
        <source>Seconds for new replicas to become healthy before they are removed (default 60).</source>
        <translation>新副本变为健康的等待秒数，超时后将其删除（默认 60）。</translation>
    </message>
    <message>
        <source>Seconds the replaced replicas stay stopped before they are removed (default 60). Up to 10: slipctl waits and removes them; longer: the next run does.</source>
        <translation>被替换的副本在删除前保持停止状态的秒数（默认 60）。不超过 10：slipctl 会等待并删除它们；更长：由下一次运行删除。</translation>
    </message>
    <message>
        <source>the host list did not load in time</source>
        <translation>主机列表未能及时加载</translation>
    </message>
    <message>
        <source>no hosts: set DOCKER_HOST, pass --host, or add one in Slipway</source>
        <translation>没有主机：请设置 DOCKER_HOST、传入 --host，或在 Slipway 中添加主机</translation>
    </message>
    <message>
        <source>no host answers (%1)</source>
        <translation>没有主机响应（%1）</translation>
    </message>
    <message>
        <source>recovered: %1</source>
        <translation>已恢复：%1</translation>
    </message>
    <message>
        <source>no answer in time</source>
        <translation>未及时响应</translation>
    </message>
    <message>
        <source>Removing the old replicas after the %1 s undo window</source>
        <translation>%1 秒撤销窗口期已过，正在删除旧副本</translation>
    </message>
    <message>
        <source>The old replicas stay stopped until %1 (the undo window); the next slipway or slipctl run removes them after that.</source>
        <translation>旧副本将保持停止状态直到 %1（撤销窗口期）；此后下一次运行 slipway 或 slipctl 时会删除它们。</translation>
    </message>
    <message>
        <source>The application (label slipway.app).</source>
        <translation>应用（标签 slipway.app）。</translation>
    </message>
    <message>
        <source>The environment (label slipway.env).</source>
        <translation>环境（标签 slipway.env）。</translation>
    </message>
    <message>
        <source>%1 takes one application name (see --help).</source>
        <translation>%1 需要一个应用名称（参见 --help）。</translation>
    </message>
    <message>
        <source>--env is required.</source>
        <translation>必须指定 --env。</translation>
    </message>
    <message>
        <source>application</source>
        <translation>应用</translation>
    </message>
    <message>
        <source>environment</source>
        <translation>环境</translation>
    </message>
    <message>
        <source>Seconds a pull may go without any progress from the engine before it is cancelled and the change fails (default 60; 0: no limit).</source>
        <translation>拉取过程中引擎没有任何进展的最长秒数，超过后取消拉取且变更失败（默认 60；0：不限制）。</translation>
    </message>
    <message>
        <source>When to pull the image, as docker run: missing (default: use the host&apos;s image, pull only when it has none), always, or never.</source>
        <translation>何时拉取镜像，同 docker run：missing（默认：使用主机上的镜像，仅当主机没有时才拉取）、always 或 never。</translation>
    </message>
    <message>
        <source>cancelling; removing what this change started…</source>
        <translation>正在取消；正在删除此变更已启动的内容…</translation>
    </message>
    <message>
        <source>interrupted</source>
        <translation>已中断</translation>
    </message>
</context>
<context>
    <name>slipway::cli::CliEnvironments</name>
    <message>
        <source>the environment records did not load in time</source>
        <translation>环境记录未能及时加载</translation>
    </message>
</context>
<context>
    <name>slipway::core::AlertLifecycle</name>
    <message>
        <source>An alert could not be recorded: %1</source>
        <translation>无法记录告警：%1</translation>
    </message>
</context>
<context>
    <name>slipway::core::AlertMonitor</name>
    <message>
        <source>The alert rules cannot be read: %1</source>
        <translation>无法读取告警规则：%1</translation>
    </message>
    <message>
        <source>the rule is removed or disabled</source>
        <translation>规则已被删除或禁用</translation>
    </message>
    <message>
        <source>the host was removed</source>
        <translation>主机已被移除</translation>
    </message>
    <message>
        <source>the host is no longer configured</source>
        <translation>主机已不再配置</translation>
    </message>
    <message>
        <source>the container was removed</source>
        <translation>容器已被删除</translation>
    </message>
    <message>
        <source>the container no longer exists</source>
        <translation>容器已不存在</translation>
    </message>
    <message>
        <source>the rule is disabled</source>
        <translation>规则已禁用</translation>
    </message>
    <message>
        <source>Health check failing: %1</source>
        <translation>健康检查失败：%1</translation>
    </message>
    <message>
        <source>no longer checked (%1)</source>
        <translation>不再检查（%1）</translation>
    </message>
    <message>
        <source>now %1</source>
        <translation>现在为 %1</translation>
    </message>
    <message>
        <source>Exited with code %1: %2</source>
        <translation>以退出码 %1 退出：%2</translation>
    </message>
    <message numerus="yes">
        <source>Restarted %n time(s) within %1 (%2 in all)</source>
        <translation>
            <numerusform>%1 内重启了 %n 次（共 %2 次）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n restart(s) within %1</source>
        <translation>
            <numerusform>%1 内重启 %n 次</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%2 上的 %1</translation>
    </message>
    <message>
        <source>the rule was removed</source>
        <translation>规则已被删除</translation>
    </message>
    <message>
        <source>it was stopped on purpose</source>
        <translation>它是被有意停止的</translation>
    </message>
</context>
<context>
    <name>slipway::core::AlertRequests</name>
    <message>
        <source>The rules cannot be changed: the database is not open.</source>
        <translation>无法更改规则：数据库未打开。</translation>
    </message>
    <message>
        <source>There is no alert rule %1.</source>
        <translation>不存在告警规则 %1。</translation>
    </message>
    <message>
        <source>That alert is no longer listed.</source>
        <translation>该告警已不在列表中。</translation>
    </message>
    <message>
        <source>%1 acknowledged this alert already.</source>
        <translation>%1 已确认此告警。</translation>
    </message>
    <message>
        <source>The alert is not recorded yet; try again in a moment.</source>
        <translation>告警尚未记录；请稍后重试。</translation>
    </message>
</context>
<context>
    <name>slipway::core::ChangeFeed</name>
    <message>
        <source>cannot listen for changes</source>
        <translation>无法监听更改</translation>
    </message>
</context>
<context>
    <name>slipway::core::ContainerDetails</name>
    <message>
        <source>on-failure (at most 1 retry)</source>
        <translation>on-failure（最多重试 1 次）</translation>
    </message>
    <message>
        <source>on-failure (at most %1 retries)</source>
        <translation>on-failure（最多重试 %1 次）</translation>
    </message>
</context>
<context>
    <name>slipway::core::ContainerDetailsLoader</name>
    <message>
        <source>The host &quot;%1&quot; has no usable connection.</source>
        <translation>主机“%1”没有可用的连接。</translation>
    </message>
</context>
<context>
    <name>slipway::core::Deployer</name>
    <message>
        <source>Cancelled: Slipway is quitting</source>
        <translation>已取消：Slipway 正在退出</translation>
    </message>
    <message>
        <source>Cancelled by the user</source>
        <translation>已被用户取消</translation>
    </message>
</context>
<context>
    <name>slipway::core::ErrorText</name>
    <message>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <source>… [%1 more characters cut]</source>
        <translation>…［另有 %1 个字符被截去］</translation>
    </message>
</context>
<context>
    <name>slipway::core::HostAlerts</name>
    <message>
        <source>the rule is disabled</source>
        <translation>规则已禁用</translation>
    </message>
    <message>
        <source>reachable again</source>
        <translation>已恢复连接</translation>
    </message>
    <message>
        <source>Unreachable for %1: %2</source>
        <translation>无法连接已持续 %1：%2</translation>
    </message>
    <message>
        <source>CPU back to %1 %</source>
        <translation>CPU 已回落到 %1 %</translation>
    </message>
    <message>
        <source>memory back to %1 %</source>
        <translation>内存已回落到 %1 %</translation>
    </message>
    <message>
        <source>CPU %1 % for %2 (over %3 %)</source>
        <translation>CPU %1 % 持续 %2（超过 %3 %）</translation>
    </message>
    <message>
        <source>Memory %1 % for %2 (over %3 %)</source>
        <translation>内存 %1 % 持续 %2（超过 %3 %）</translation>
    </message>
</context>
<context>
    <name>slipway::core::HostInventory</name>
    <message>
        <source>The host&apos;s settings are not usable.</source>
        <translation>该主机的设置无法使用。</translation>
    </message>
    <message>
        <source>The engine closed the event stream.</source>
        <translation>引擎关闭了事件流。</translation>
    </message>
    <message>
        <source>The host&apos;s engine client is gone.</source>
        <translation>该主机的引擎客户端已不存在。</translation>
    </message>
    <message>
        <source>The engine stopped answering: %1</source>
        <translation>引擎停止响应：%1</translation>
    </message>
</context>
<context>
    <name>slipway::core::HostMonitor</name>
    <message>
        <source>Cannot read the saved hosts: %1</source>
        <translation>无法读取已保存的主机：%1</translation>
    </message>
    <message>
        <source>There is no host with the id &quot;%1&quot;.</source>
        <translation>没有 ID 为“%1”的主机。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; comes from %2 and cannot be edited here.</source>
        <translation>“%1”来自%2，无法在此编辑。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; comes from %2; remove it there.</source>
        <translation>“%1”来自%2；请在那里删除。</translation>
    </message>
</context>
<context>
    <name>slipway::core::ImageCatalog</name>
    <message>
        <source>The host was removed.</source>
        <translation>该主机已被移除。</translation>
    </message>
    <message>
        <source>The host does not answer.</source>
        <translation>该主机没有响应。</translation>
    </message>
    <message>
        <source>The host has no usable engine address.</source>
        <translation>该主机没有可用的引擎地址。</translation>
    </message>
    <message>
        <source>There is no host with the id &quot;%1&quot;.</source>
        <translation>没有 ID 为“%1”的主机。</translation>
    </message>
    <message>
        <source>Nothing to remove: no image was named.</source>
        <translation>没有可删除的内容：未指定镜像。</translation>
    </message>
</context>
<context>
    <name>slipway::core::Inventory</name>
    <message>
        <source>Start</source>
        <translation>启动</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Restart</source>
        <translation>重启</translation>
    </message>
    <message>
        <source>Kill</source>
        <translation>强行终止</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Force remove</source>
        <translation>强制删除</translation>
    </message>
    <message>
        <source>There is no host with the id &quot;%1&quot;.</source>
        <translation>没有 ID 为“%1”的主机。</translation>
    </message>
    <message>
        <source>The host &quot;%1&quot; has no usable connection.</source>
        <translation>主机“%1”没有可用的连接。</translation>
    </message>
</context>
<context>
    <name>slipway::core::LockTakeover</name>
    <message>
        <source>Cannot read this database&apos;s store id: %1</source>
        <translation>无法读取此数据库的存储 ID：%1</translation>
    </message>
    <message>
        <source>from %1 (store %2, generation %3, %4%5); now generation %6</source>
        <translation>接管自 %1（存储 %2，代次 %3，%4%5）；现为代次 %6</translation>
    </message>
    <message>
        <source>stale</source>
        <translation>已失效</translation>
    </message>
    <message>
        <source>alive</source>
        <translation>存活</translation>
    </message>
    <message>
        <source>, forced</source>
        <translation>，强制</translation>
    </message>
    <message>
        <source>from %1 (generation %2): %3</source>
        <translation>接管自 %1（代次 %2）：%3</translation>
    </message>
</context>
<context>
    <name>slipway::core::LogFollower</name>
    <message>
        <source>The host &quot;%1&quot; has no usable connection.</source>
        <translation>主机“%1”没有可用的连接。</translation>
    </message>
    <message>
        <source>The engine stopped answering: %1</source>
        <translation>引擎停止响应：%1</translation>
    </message>
</context>
<context>
    <name>slipway::core::PlainTcp</name>
    <message>
        <source>%1 is plain TCP without TLS: anyone who can reach that port controls the Docker engine, which is root on that host, and can read everything sent to it. Use TLS (DOCKER_TLS_VERIFY and DOCKER_CERT_PATH, or the host&apos;s TLS files).</source>
        <translation>%1 是未使用 TLS 的明文 TCP：任何能访问该端口的人都能控制 Docker 引擎（即拥有该主机的 root 权限），并能读取发送给它的所有内容。请使用 TLS（DOCKER_TLS_VERIFY 和 DOCKER_CERT_PATH，或该主机的 TLS 文件）。</translation>
    </message>
</context>
<context>
    <name>slipway::core::ProbeSpec</name>
    <message>
        <source>probe &quot;%1&quot;: %2</source>
        <translation>探针“%1”：%2</translation>
    </message>
    <message>
        <source>expected tcp://:PORT or http://:PORT/PATH</source>
        <translation>应为 tcp://:PORT 或 http://:PORT/PATH</translation>
    </message>
    <message>
        <source>no port (expected e.g. http://:8080/health)</source>
        <translation>没有端口（应为例如 http://:8080/health）</translation>
    </message>
    <message>
        <source>it is sent from inside each replica: leave the host out, as in http://:8080/health</source>
        <translation>探针从每个副本内部发送：请省略主机，如 http://:8080/health</translation>
    </message>
    <message>
        <source>the port must be a number from 1 to 65535</source>
        <translation>端口必须是 1 到 65535 之间的数字</translation>
    </message>
    <message>
        <source>a tcp probe has no path</source>
        <translation>tcp 探针没有路径</translation>
    </message>
    <message>
        <source>the path may hold printable ASCII only, no spaces or quotes</source>
        <translation>路径只能包含可打印的 ASCII 字符，不能有空格或引号</translation>
    </message>
</context>
<context>
    <name>slipway::core::Reconciler</name>
    <message>
        <source>reconcile paused: replicas are left as they are</source>
        <translation>协调已暂停：副本保持原样</translation>
    </message>
    <message>
        <source>reconcile resumed</source>
        <translation>协调已恢复</translation>
    </message>
</context>
<context>
    <name>slipway::core::ServiceCatalog</name>
    <message>
        <source>No image was given.</source>
        <translation>未指定镜像。</translation>
    </message>
    <message>
        <source>The host does not answer.</source>
        <translation>该主机没有响应。</translation>
    </message>
    <message>
        <source>update rolled back due to failure</source>
        <translation>更新因失败已回滚</translation>
    </message>
    <message>
        <source>There is no host with the id &quot;%1&quot;.</source>
        <translation>没有 ID 为“%1”的主机。</translation>
    </message>
    <message>
        <source>“%1” is not a Swarm manager.</source>
        <translation>“%1”不是 Swarm 管理节点。</translation>
    </message>
    <message>
        <source>The host has no usable engine address.</source>
        <translation>该主机没有可用的引擎地址。</translation>
    </message>
    <message>
        <source>There is no service with the id &quot;%1&quot; on “%2”.</source>
        <translation>“%2”上没有 ID 为“%1”的服务。</translation>
    </message>
    <message>
        <source>%1 has no previous spec to roll back to.</source>
        <translation>%1 没有可回滚到的先前配置。</translation>
    </message>
    <message>
        <source>%1 is a global service: it runs one task on every node and cannot be scaled.</source>
        <translation>%1 是全局服务：它在每个节点上运行一个任务，无法扩缩。</translation>
    </message>
    <message>
        <source>The number of replicas cannot be negative (%1).</source>
        <translation>副本数不能为负数（%1）。</translation>
    </message>
    <message>
        <source>to %1</source>
        <translation>至 %1</translation>
    </message>
    <message>
        <source>The engine&apos;s spec of %1 could not be read: %2</source>
        <translation>无法读取引擎中 %1 的配置：%2</translation>
    </message>
    <message>
        <source>%1 -&gt; %2</source>
        <translation>%1 -&gt; %2</translation>
    </message>
    <message>
        <source>%1 is not a replicated service: it cannot be scaled.</source>
        <translation>%1 不是副本模式的服务：无法扩缩。</translation>
    </message>
    <message>
        <source>%1 -&gt; %2 replicas</source>
        <translation>%1 -&gt; %2 个副本</translation>
    </message>
    <message>
        <source>running now</source>
        <translation>当前运行</translation>
    </message>
    <message>
        <source>previous spec</source>
        <translation>先前配置</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
</context>
<context>
    <name>slipway::core::env</name>
    <message>
        <source>Cannot import the template: %1.</source>
        <translation>无法导入模板：%1。</translation>
    </message>
    <message>
        <source>The template&apos;s file &quot;%1&quot; does not exist in %2.</source>
        <translation>模板文件“%1”在 %2 中不存在。</translation>
    </message>
    <message>
        <source>The template&apos;s file &quot;%1&quot; leads outside the folder %2.</source>
        <translation>模板文件“%1”指向文件夹 %2 之外。</translation>
    </message>
    <message>
        <source>The template&apos;s file &quot;%1&quot; is not a regular file.</source>
        <translation>模板文件“%1”不是普通文件。</translation>
    </message>
    <message>
        <source>The file &quot;%1&quot; has %2 bytes; a template&apos;s file may have at most %3.</source>
        <translation>文件“%1”有 %2 字节；模板的文件最多 %3 字节。</translation>
    </message>
    <message>
        <source>Cannot read the template&apos;s file &quot;%1&quot;: %2</source>
        <translation>无法读取模板文件“%1”：%2</translation>
    </message>
    <message>
        <source>The file &quot;%1&quot; is over %2 bytes.</source>
        <translation>文件“%1”超过 %2 字节。</translation>
    </message>
    <message>
        <source>The template folder %1 does not exist or is not a folder.</source>
        <translation>模板文件夹 %1 不存在或不是文件夹。</translation>
    </message>
    <message>
        <source>The template&apos;s Compose file: %1.</source>
        <translation>模板的 Compose 文件：%1。</translation>
    </message>
    <message>
        <source>The template names %1 files; at most %2 are kept.</source>
        <translation>模板引用了 %1 个文件；最多保存 %2 个。</translation>
    </message>
</context>
<context>
    <name>slipway::core::env::Environments</name>
    <message>
        <source>No host to provision on: %1</source>
        <translation>没有可用于置备的主机：%1</translation>
    </message>
    <message>
        <source>Host %1 is not reachable.</source>
        <translation>主机 %1 无法连接。</translation>
    </message>
    <message>
        <source>Template %1 version %2 does not resolve:
%3</source>
        <translation>模板 %1 版本 %2 无法解析：
%3</translation>
    </message>
    <message>
        <source>The provisioner is busy.</source>
        <translation>置备程序正忙。</translation>
    </message>
    <message>
        <source>Interrupted: the process provisioning it (%1) ended; what it had created was removed.</source>
        <translation>已中断：置备它的进程（%1）已结束；它已创建的内容已被删除。</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
</context>
<context>
    <name>slipway::core::env::Provisioner</name>
    <message>
        <source>Cancelled: the application is closing</source>
        <translation>已取消：应用程序正在关闭</translation>
    </message>
    <message>
        <source>Cancelled by the user</source>
        <translation>已被用户取消</translation>
    </message>
</context>
<context>
    <name>slipway::models::AlertRuleModel</name>
    <message>
        <source>Enabled</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Watches</source>
        <translation>监视项</translation>
    </message>
    <message>
        <source>Condition</source>
        <translation>条件</translation>
    </message>
</context>
<context>
    <name>slipway::models::AlertTableModel</name>
    <message>
        <source>Cleared</source>
        <translation>已解除</translation>
    </message>
    <message>
        <source>Firing, acknowledged</source>
        <translation>触发中，已确认</translation>
    </message>
    <message>
        <source>Firing</source>
        <translation>触发中</translation>
    </message>
    <message>
        <source>By %1 at %2</source>
        <translation>由 %1 于 %2 确认</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1，%2</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Fired</source>
        <translation>触发时间</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>已确认</translation>
    </message>
</context>
<context>
    <name>slipway::models::ApplicationTableModel</name>
    <message numerus="yes">
        <source>%1 (+%n other)</source>
        <translation>
            <numerusform>%1（另有 %n 个）</numerusform>
        </translation>
    </message>
    <message>
        <source>%1/%2</source>
        <translation>%1/%2</translation>
    </message>
    <message>
        <source>not running</source>
        <translation>未运行</translation>
    </message>
    <message>
        <source>running (no health check)</source>
        <translation>运行中（无健康检查）</translation>
    </message>
    <message>
        <source>healthy</source>
        <translation>健康</translation>
    </message>
    <message>
        <source>unhealthy (%1 of %2)</source>
        <translation>不健康（%2 个中 %1 个）</translation>
    </message>
    <message>
        <source>starting (%1 of %2)</source>
        <translation>启动中（%2 个中 %1 个）</translation>
    </message>
    <message>
        <source>Last known state: a host cannot be reached.</source>
        <translation>最后已知状态：有主机无法连接。</translation>
    </message>
    <message>
        <source>Also present: %1</source>
        <translation>另有：%1</translation>
    </message>
    <message>
        <source>Application</source>
        <translation>应用</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>环境</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Digest</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>Replicas</source>
        <translation>副本</translation>
    </message>
    <message>
        <source>Hosts</source>
        <translation>主机</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>健康</translation>
    </message>
    <message numerus="yes">
        <source>%n replaced replica(s) kept stopped for undo</source>
        <translation>
            <numerusform>%n 个被替换的副本已停止并保留以便撤销</numerusform>
        </translation>
    </message>
    <message>
        <source>restarting (%1 restarts)</source>
        <translation>重启中（已重启 %1 次）</translation>
    </message>
    <message>
        <source>restarting (1 restart)</source>
        <translation>重启中（已重启 1 次）</translation>
    </message>
    <message>
        <source>restarting</source>
        <translation>重启中</translation>
    </message>
    <message>
        <source>degraded %1/%2</source>
        <translation>降级 %1/%2</translation>
    </message>
    <message>
        <source>%1 · reconcile paused</source>
        <translation>%1 · 协调已暂停</translation>
    </message>
    <message>
        <source>Reconcile paused by %1 at %2: replicas that stop or go away are left as they are.</source>
        <translation>协调已由 %1 于 %2 暂停：停止或消失的副本将保持原样。</translation>
    </message>
    <message>
        <source>%1 of the %2 replicas the deployment wants are running.</source>
        <translation>部署所需的 %2 个副本中有 %1 个在运行。</translation>
    </message>
</context>
<context>
    <name>slipway::models::AuditTableModel</name>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>主机</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>详情</translation>
    </message>
</context>
<context>
    <name>slipway::models::ContainerTableModel</name>
    <message>
        <source>Last known state: the host cannot be reached.</source>
        <translation>最后已知状态：无法连接该主机。</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>主机</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Application</source>
        <translation>应用</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>环境</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>镜像</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>健康</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>运行状况</translation>
    </message>
    <message>
        <source>Ports</source>
        <translation>端口</translation>
    </message>
    <message>
        <source>CPU %</source>
        <translation>CPU %</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>内存</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>%1 GiB</source>
        <translation>%1 GiB</translation>
    </message>
    <message>
        <source>%1 MiB</source>
        <translation>%1 MiB</translation>
    </message>
</context>
<context>
    <name>slipway::models::DeploymentHistoryModel</name>
    <message>
        <source>running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>成功</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>interrupted</source>
        <translation>已中断</translation>
    </message>
    <message>
        <source>deploy</source>
        <translation>部署</translation>
    </message>
    <message>
        <source>rollback</source>
        <translation>回滚</translation>
    </message>
    <message>
        <source>scale</source>
        <translation>扩缩</translation>
    </message>
    <message>
        <source>failed: %1</source>
        <translation>失败：%1</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no: image gone</source>
        <translation>否：镜像已不存在</translation>
    </message>
    <message>
        <source>Finished %1</source>
        <translation>完成于 %1</translation>
    </message>
    <message>
        <source>No host holds this image and the registry no longer has its digest: it cannot be rolled back to.</source>
        <translation>没有主机持有此镜像，且镜像仓库中已没有其摘要：无法回滚到它。</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Digest</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>Replicas</source>
        <translation>副本</translation>
    </message>
    <message>
        <source>Hosts</source>
        <translation>主机</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>操作者</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Restorable</source>
        <translation>可回滚</translation>
    </message>
    <message>
        <source>undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>adopt</source>
        <translation>认领</translation>
    </message>
</context>
<context>
    <name>slipway::models::EnvironmentServiceModel</name>
    <message>
        <source>Service</source>
        <translation>服务</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>Endpoints</source>
        <translation>端点</translation>
    </message>
    <message>
        <source>not running</source>
        <translation>未运行</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>%1/%2</source>
        <translation>%1/%2</translation>
    </message>
</context>
<context>
    <name>slipway::models::EnvironmentTableModel</name>
    <message>
        <source>Environment</source>
        <translation>环境变量</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>模板</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>主机</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>服务</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>所有者</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>Lived</source>
        <translation>存活时长</translation>
    </message>
    <message>
        <source>%1/%2 running</source>
        <translation>%1/%2 运行中</translation>
    </message>
    <message>
        <source>provisioning</source>
        <translation>置备中</translation>
    </message>
    <message>
        <source>ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>recycling</source>
        <translation>回收中</translation>
    </message>
    <message>
        <source>recycled</source>
        <translation>已回收</translation>
    </message>
</context>
<context>
    <name>slipway::models::HostTableModel</name>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>%1 is down: %2</source>
        <translation>%1 离线：%2</translation>
    </message>
    <message>
        <source>TLS certificate verification is off for %1.</source>
        <translation>%1 的 TLS 证书验证已关闭。</translation>
    </message>
    <message>
        <source>From %1</source>
        <translation>来源：%1</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Engine</source>
        <translation>引擎</translation>
    </message>
    <message>
        <source>API</source>
        <translation>API</translation>
    </message>
    <message>
        <source>OS</source>
        <translation>操作系统</translation>
    </message>
    <message>
        <source>CPUs</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>内存</translation>
    </message>
    <message>
        <source>Containers</source>
        <translation>容器</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>镜像</translation>
    </message>
    <message>
        <source>Swarm</source>
        <translation>Swarm</translation>
    </message>
    <message>
        <source>%1: %2.</source>
        <translation>%1：%2。</translation>
    </message>
</context>
<context>
    <name>slipway::models::ImageTableModel</name>
    <message>
        <source>dangling</source>
        <translation>悬空</translation>
    </message>
    <message>
        <source>%1 does not answer; this is what it had when it last did.</source>
        <translation>%1 没有响应；这是它最后一次响应时的内容。</translation>
    </message>
    <message>
        <source>No tags</source>
        <translation>无标签</translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation>%1 字节</translation>
    </message>
    <message>
        <source>No container uses this image.</source>
        <translation>没有容器使用此镜像。</translation>
    </message>
    <message>
        <source>Used by: %1</source>
        <translation>使用者：%1</translation>
    </message>
    <message>
        <source>No tag points to this image any more; it can be removed by its ID.</source>
        <translation>已没有标签指向此镜像；可以按 ID 删除它。</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>主机</translation>
    </message>
    <message>
        <source>Repository</source>
        <translation>仓库</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Image ID</source>
        <translation>镜像 ID</translation>
    </message>
    <message>
        <source>Digest</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>Used by</source>
        <translation>使用数</translation>
    </message>
    <message>
        <source>Dangling</source>
        <translation>悬空</translation>
    </message>
</context>
<context>
    <name>slipway::models::ServiceTableModel</name>
    <message>
        <source>starting replicas</source>
        <translation>正在启动副本</translation>
    </message>
    <message>
        <source>updating</source>
        <translation>更新中</translation>
    </message>
    <message>
        <source>update paused</source>
        <translation>更新已暂停</translation>
    </message>
    <message>
        <source>updated</source>
        <translation>已更新</translation>
    </message>
    <message>
        <source>rolling back</source>
        <translation>回滚中</translation>
    </message>
    <message>
        <source>rollback paused</source>
        <translation>回滚已暂停</translation>
    </message>
    <message>
        <source>rolled back by the engine</source>
        <translation>已被引擎回滚</translation>
    </message>
    <message>
        <source>rolled back</source>
        <translation>已回滚</translation>
    </message>
    <message>
        <source>%1 (global)</source>
        <translation>%1（全局）</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>%1 does not answer; this is what it had when it last did.</source>
        <translation>%1 没有响应；这是它最后一次响应时的内容。</translation>
    </message>
    <message>
        <source>%1 running, %2 on the current image, %3 asked for</source>
        <translation>%1 个运行中，%2 个使用当前镜像，期望 %3 个</translation>
    </message>
    <message>
        <source>Last task error: %1</source>
        <translation>上次任务错误：%1</translation>
    </message>
    <message>
        <source>Updates: %1, on failure: %2</source>
        <translation>更新：%1，失败时：%2</translation>
    </message>
    <message>
        <source>stop-first (engine default)</source>
        <translation>stop-first（引擎默认）</translation>
    </message>
    <message>
        <source>pause (engine default)</source>
        <translation>pause（引擎默认）</translation>
    </message>
    <message>
        <source>No previous spec: nothing to roll back to.</source>
        <translation>无先前配置：没有可回滚的目标。</translation>
    </message>
    <message>
        <source>Roll back goes to %1%2 with %3 replicas, %4.</source>
        <translation>回滚将恢复到 %1%2，%3 个副本，%4。</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>主机</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>服务</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>镜像</translation>
    </message>
    <message>
        <source>Digest</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>Replicas</source>
        <translation>副本</translation>
    </message>
    <message>
        <source>Last update</source>
        <translation>上次更新</translation>
    </message>
    <message>
        <source>Previous image</source>
        <translation>先前镜像</translation>
    </message>
</context>
<context>
    <name>slipway::models::TemplateListModel</name>
    <message>
        <source>Template</source>
        <translation>模板</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>From</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>保存时间</translation>
    </message>
    <message>
        <source>Saved by %1</source>
        <translation>保存者：%1</translation>
    </message>
    <message>
        <source>built in</source>
        <translation>内置</translation>
    </message>
    <message>
        <source>imported</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>edited</source>
        <translation>编辑</translation>
    </message>
</context>
<context>
    <name>slipway::models::TopUsageModel</name>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>%1 of one core&apos;s time (%2)</source>
        <translation>单核时间的 %1（%2）</translation>
    </message>
    <message>
        <source>%1 of %2 (%3)</source>
        <translation>%1 / %2（%3）</translation>
    </message>
    <message>
        <source>Open the usage of %1 (%2 running containers)</source>
        <translation>查看 %1 的资源使用情况（%2 个运行中的容器）</translation>
    </message>
    <message>
        <source>Open the usage of %1 on %2</source>
        <translation>查看 %2 上 %1 的资源使用情况</translation>
    </message>
    <message>
        <source>Application</source>
        <translation>应用</translation>
    </message>
    <message>
        <source>Container</source>
        <translation>容器</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>环境</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>主机</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>内存</translation>
    </message>
</context>
<context>
    <name>slipway::models::VersionListModel</name>
    <message>
        <source>(untagged)</source>
        <translation>（无标签）</translation>
    </message>
    <message>
        <source>%1 (running)</source>
        <translation>%1（运行中）</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>The registry does not list this version; only hosts hold it.</source>
        <translation>镜像仓库未列出此版本；只有主机上有。</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Digest</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>In registry</source>
        <translation>在镜像仓库中</translation>
    </message>
    <message>
        <source>On hosts</source>
        <translation>在主机上</translation>
    </message>
</context>
<context>
    <name>slipway::widgets::ActionErrorsBanner</name>
    <message>
        <source>Dismiss</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>… and 1 earlier failure</source>
        <translation>……以及之前的 1 个失败</translation>
    </message>
    <message>
        <source>… and %1 earlier failures</source>
        <translation>……以及之前的 %1 个失败</translation>
    </message>
</context>
<context>
    <name>slipway::widgets::AlertNotifier</name>
    <message>
        <source>Alert: %1</source>
        <translation>告警：%1</translation>
    </message>
    <message numerus="yes">
        <source>%n alerts fired</source>
        <translation>
            <numerusform>触发了 %n 个告警</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>以及另外 %n 个</numerusform>
        </translation>
    </message>
    <message>
        <source>Slipway: no alerts firing</source>
        <translation>Slipway：没有正在触发的告警</translation>
    </message>
    <message numerus="yes">
        <source>Slipway: %n alert(s) firing</source>
        <translation>
            <numerusform>Slipway：%n 个告警正在触发</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>slipway::widgets::AlertRuleDialog</name>
    <message>
        <source>Edit alert rule</source>
        <translation>编辑告警规则</translation>
    </message>
    <message>
        <source>Add alert rule</source>
        <translation>添加告警规则</translation>
    </message>
    <message>
        <source>What people see when it fires</source>
        <translation>告警触发时显示的名称</translation>
    </message>
    <message>
        <source> %</source>
        <translation> %</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>How long the condition must hold before the alert fires</source>
        <translation>告警触发前条件必须持续的时间</translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>Watches:</source>
        <translation>监视项：</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <source>Over:</source>
        <translation>超过：</translation>
    </message>
    <message>
        <source>For at least:</source>
        <translation>至少持续：</translation>
    </message>
    <message>
        <source>Restarts:</source>
        <translation>重启次数：</translation>
    </message>
    <message>
        <source>Within:</source>
        <translation>时间窗口：</translation>
    </message>
    <message>
        <source>The rule was not saved: %1</source>
        <translation>规则未保存：%1</translation>
    </message>
</context>
<context>
    <name>slipway::widgets::AlertsView</name>
    <message>
        <source>Acknowledge</source>
        <translation>确认</translation>
    </message>
    <message>
        <source>Say that you are on the selected alert</source>
        <translation>表明你正在处理所选告警</translation>
    </message>
    <message>
        <source>Firing only</source>
        <translation>仅显示触发中</translation>
    </message>
    <message>
        <source>Rules</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>添加…</translation>
    </message>
    <message>
        <source>Add an alert rule</source>
        <translation>添加告警规则</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Edit the selected rule</source>
        <translation>编辑所选规则</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Remove the selected rule</source>
        <translation>删除所选规则</translation>
    </message>
    <message>
        <source>The alert was not acknowledged: %1</source>
        <translation>告警未确认：%1</translation>
    </message>
    <message>
        <source>The rule was not changed: %1</source>
        <translation>规则未更改：%1</translation>
    </message>
    <message>
        <source>Nothing firing</source>
        <translation>没有正在触发的告警</translation>
    </message>
    <message numerus="yes">
        <source>%n firing</source>
        <translation>
            <numerusform>%n 个触发中</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n not acknowledged</source>
        <translation>
            <numerusform>%n 个未确认</numerusform>
        </translation>
    </message>
    <message>
        <source>Remove alert rule</source>
        <translation>删除告警规则</translation>
    </message>
    <message>
        <source>Remove the rule &quot;%1&quot; (%2)?

Its alerts clear; the history of what it found is kept.</source>
        <translation>要删除规则“%1”（%2）吗？

其告警将被解除；已发现问题的历史记录会被保留。</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>保留</translation>
    </message>
</context>
<context>
    <name>slipway::widgets::AppUsageView</name>
    <message>
        <source>Containers</source>
        <translation>容器</translation>
    </message>
    <message>
        <source>No running container of this application.</source>
        <translation>此应用没有运行中的容器。</translation>
    </message>
    <message>
        <source>%1 over all its containers</source>
        <translation>所有容器合计 %1</translation>
    </message>
    <message>
        <source>summed over its containers</source>
        <translation>其所有容器的总和</translation>
    </message>
    <message>
        <source>no environment</source>
        <translation>无环境</translation>
    </message>
    <message>
        <source>environment %1</source>
        <translation>环境 %1</translation>
    </message>
    <message>
        <source>Application  ·  %1  ·  </source>
        <translation>应用  ·  %1  ·  </translation>
    </message>
    <message>
        <source>1 running container</source>
        <translation>1 个运行中的容器</translation>
    </message>
    <message>
        <source>%1 running containers</source>
        <translation>%1 个运行中的容器</translation>
    </message>
    <message>
        <source> on 1 host</source>
        <translation> · 1 台主机</translation>
    </message>
    <message>
        <source> on %1 hosts</source>
        <translation> · %1 台主机</translation>
    </message>
</context>
<context>
    <name>slipway::widgets::ApplicationsView</name>
    <message>
        <source>Deploy…</source>
        <translation>部署…</translation>
    </message>
    <message>
        <source>Deploy an image as an application in an environment</source>
        <translation>将镜像作为应用部署到某个环境中</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Load the history and the versions of the selected application again</source>
        <translation>重新加载所选应用的历史记录和版本</translation>
    </message>
    <message>
        <source>Filter: application, environment, version, host…</source>
        <translation>筛选：应用、环境、版本、主机…</translation>
    </message>
    <message>
        <source>Run the selected deployment&apos;s image (by digest) and configuration again</source>
        <translation>再次运行所选部署的镜像（按摘要）和配置</translation>
    </message>
    <message>
        <source>History</source>
        <translation>历史</translation>
    </message>
    <message>
        <source>Versions</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Replicas</source>
        <translation>副本</translation>
    </message>
    <message>
        <source>Could not load the history of %1 in %2: %3</source>
        <translation>无法加载 %2 中 %1 的历史记录：%3</translation>
    </message>
    <message>
        <source>%1: done.</source>
        <translation>%1：完成。</translation>
    </message>
    <message>
        <source>%1: done. %2</source>
        <translation>%1：完成。%2</translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation>%1 失败：%2</translation>
    </message>
    <message>
        <source>Select an application to see its history, versions and replicas.</source>
        <translation>选择一个应用以查看其历史记录、版本和副本。</translation>
    </message>
    <message>
        <source>%1 in %2</source>
        <translation>%2 中的 %1</translation>
    </message>
    <message>
        <source>%1 runs from an image ID, not a repository: no registry to ask.</source>
        <translation>%1 从镜像 ID 而非仓库运行：没有可查询的镜像仓库。</translation>
    </message>
    <message>
        <source>Asking %1 for its tags…</source>
        <translation>正在向 %1 查询其标签…</translation>
    </message>
    <message>
        <source>The image of this deployment can no longer be pulled.</source>
        <translation>此部署的镜像已无法拉取。</translation>
    </message>
    <message numerus="yes">
        <source>%n application(s)</source>
        <translation>
            <numerusform>%n 个应用</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n replica(s) running</source>
        <translation>
            <numerusform>%n 个副本运行中</numerusform>
        </translation>
    </message>
    <message>
        <source>Replicas must be from 1 to 100 (asked for %1).</source>
        <translation>副本数必须在 1 到 100 之间（请求的是 %1）。</translation>
    </message>
    <message numerus="yes">
        <source>Scaling %1 in %2 to %n replica(s)</source>
        <translation>
            <numerusform>正在将 %2 中的 %1 扩缩到 %n 个副本</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Keeping the last %n version(s) of %1 in %2 restorable</source>
        <translation>
            <numerusform>正在为 %2 中的 %1 保留最近 %n 个可回滚版本</numerusform>
        </translation>
    </message>
    <message>
        <source>Undoing the last change of %1 in %2</source>
        <translation>正在撤销 %2 中 %1 的上次变更</translation>
    </message>
    <message>
        <source>Take over lock…</source>
        <translation>接管锁…</translation>
    </message>
    <message>
        <source>See who holds the selected application&apos;s lock, and take it from an owner that died</source>
        <translation>查看谁持有所选应用的锁，并从已终止的持有者处接管它</translation>
    </message>
    <message>
        <source>Cannot change the reconcile of %1 in %2: %3</source>
        <translation>无法更改 %2 中 %1 的协调：%3</translation>
    </message>
    <message>
        <source>Adopt…</source>
        <translation>认领…</translation>
    </message>
    <message>
        <source>Take over the running replicas of the selected application that an earlier Slipway deployed and no database owns, so that it can be changed again</source>
        <translation>认领所选应用中由早期 Slipway 部署、不属于任何数据库的运行中副本，以便能再次变更它</translation>
    </message>
    <message>
        <source>Adopt replicas</source>
        <translation>认领副本</translation>
    </message>
    <message>
        <source>Adopt the running replicas of %1 in %2 that an earlier Slipway deployed?

This database then owns them, and its next deploy, rollback or scale retires them as usual. Replicas that another Slipway database owns are never adopted. The adoption is recorded in the audit log.</source>
        <translation>认领 %2 中由早期 Slipway 部署的 %1 的运行中副本？

之后此数据库拥有它们，它的下一次部署、回滚或扩缩会照常让它们退役。属于另一个 Slipway 数据库的副本永远不会被认领。此次认领会记录在审计日志中。</translation>
    </message>
    <message>
        <source>Adopting the replicas of %1 in %2</source>
        <translation>正在认领 %2 中 %1 的副本</translation>
    </message>
</context>
<context>
    <name>slipway::widgets::AuditView</name>
    <message>
        <source>Every change made through Slipway on this workstation, newest first. The log is append-only.</source>
        <translation>在本工作站上通过 Slipway 做出的每一项更改，最新的在前。日志只能追加。</translation>
    </message>
    <message>
        <source>The audit log cannot be read: %1</source>
        <translation>无法读取审计日志：%1</translation>
    </message>
</context>
<context>
    <name>slipway::widgets::ContainerContextMenu</name>
    <message>
        <source>Copy ID</source>
        <translation>复制 ID</translation>
    </message>
    <message>
        <source>Copy name</source>
        <translation>复制名称</translation>
    </message>
</context>
<context>
    <name>slipway::widgets::ContainerDetailsPane</name>
    <message>
        <source>%1:</source>
        <translation>%1：</translation>
    </message>
    <message>
        <source>Select a container to see its details.</source>
        <translation>选择一个容器以查看其详细信息。</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>镜像</translation>
    </message>
    <message>
        <source>Image ID</source>
        <translation>镜像 ID</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>启动时间</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>结束时间</translation>
    </message>
    <message>
        <source>Restart policy</source>
        <translation>重启策略</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>命令</translation>
    </message>
    <message>
        <source>Working directory</source>
        <translation>工作目录</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Ports</source>
        <translation>端口</translation>
    </message>
    <message>
        <source>Networks</source>
        <translation>网络</translation>
    </message>
    <message>
        <source>Limits</source>
        <translation>资源限制</translation>
    </message>
    <message>
        <source>Host name</source>
        <translation>主机名</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>概览</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Show values that look like secrets</source>
        <translation>显示疑似机密的值</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>环境变量</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Destination</source>
        <translation>挂载点</translation>
    </message>
    <message>
        <source>Access</source>
        <translation>访问权限</translation>
    </message>
    <message>
        <source>Mounts</source>
        <translation>挂载</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>键</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>耗时</translation>
    </message>
    <message>
        <source>Exit code</source>
        <translation>退出码</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>输出</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>健康检查</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%2 上的 %1</translation>
    </message>
    <message>
        <source>Could not read the details: %1</source>
        <translation>无法读取详细信息：%1</translation>
    </message>
    <message>
        <source>This container was removed; what is shown is how it last was.</source>
        <translation>此容器已被删除；显示的是它最后的状态。</translation>
    </message>
    <message>
        <source>read-write</source>
        <translation>读写</translation>
    </message>
    <message>
        <source>read-only</source>
        <translation>只读</translation>
    </message>
    <message>
        <source>This container has no healthcheck.</source>
        <translation>此容器没有健康检查。</translation>
    </message>
    <message>
        <source>Status: %1</source>
        <translation>状态：%1</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>failed once</source>
        <translation>失败 1 次</translation>
    </message>
    <message>
        <source>failing %1 times in a row</source>
        <translation>连续失败 %1 次</translation>
    </message>
    <message>
        <source>Check: %1</source>
        <translation>检查：%1</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 毫秒</translation>
    </message>
    <message>
        <source>exit code %1</source>
        <translation>退出码 %1</translation>
    </message>
    <message>
        <source>killed: out of memory</source>
        <translation>因内存不足被终止</translation>
    </message>
    <message>
        <source>restarted once</source>
        <translation>已重启 1 次</translation>
    </message>
    <message>
        <source>restarted %1 times</source>
        <translation>已重启 %1 次</translation>
    </message>
    <message>
        <source>root (image default)</source>
        <translation>root（镜像默认）</translation>
    </message>
    <message>
        <source>(not published)</source>
        <translation>（未发布）</translation>
    </message>
    <message>
        <source>no address (not running)</source>
        <translation>无地址（未运行）</translation>
    </message>
    <message>
        <source>aliases: %1</source>
        <translation>别名：%1</translation>
    </message>
    <message>
        <source>memory %1</source>
        <translation>内存 %1</translation>
    </message>
    <message>
        <source>%1 CPUs</source>
        <translation>%1 个 CPU</translation>
    </message>
</context>
<context>
    <name>slipway::widgets::ContainerFilterBar</name>
    <message>
        <source>Filter: name, image, app, ID…</source>
        <translation>筛选：名称、镜像、应用、ID…</translation>
    </message>
    <message>
        <source>Words that must all appear in the name, image, application, environment, version, state, host, ID or a label</source>
        <translation>名称、镜像、应用、环境、版本、状态、主机、ID 或标签中必须全部出现的词</translation>
    </message>
    <message>
        <source>Only containers in this state</source>
        <translation>只显示处于此状态的容器</translation>
    </message>
    <message>
        <source>Any state</source>
        <translation>任意状态</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>Exited</source>
        <translation>已退出</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>已创建</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>Restarting</source>
        <translation>重启中</translation>
    </message>
    <message>
        <source>Dead</source>
        <translation>已死亡</translation>
    </message>
    <message>
        <source>Only containers on this host</source>
        <translation>只显示此主机上的容器</translation>
    </message>
    <message>
        <source>Only containers of this application (label slipway.app)</source>
        <translation>只显示此应用的容器（标签 slipway.app）</translation>
    </message>
    <message>
        <source>Only containers of this environment (label slipway.env)</source>
        <translation>只显示此环境的容器（标签 slipway.env）</translation>
    </message>
    <message>
        <source>All hosts</source>
        <translation>所有主机</translation>
    </message>
    <message>
        <source>All applications</source>
        <translation>所有应用</translation>
    </message>
    <message>
        <source>All environments</source>
        <translation>所有环境</translation>
    </message>
    <message>
        <source>label=value</source>
        <translation>标签=值</translation>
    </message>
    <message>
        <source>Labels the containers must have: key=value, or just key; several separated by commas</source>
        <translation>容器必须具有的标签：键=值，或只写键；多个之间用逗号分隔</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <source>Show every container again</source>
        <translation>重新显示所有容器</translation>
    </message>
</context>
<context>
    <name>slipway::widgets::ContainerUsageView</name>
    <message>
        <source>Disk I/O</source>
        <translation>磁盘 I/O</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>读取</translation>
    </message>
    <message>
        <source>Written</source>
        <translation>写入</translation>
    </message>
    <message>
        <source>no limit · host has %1</source>
        <translation>无限制 · 主机共有 %1</translation>
    </message>
    <message>
        <source>of %1 limit (%2)</source>
        <translation>/ 限制 %1（%2）</translation>
    </message>
    <message>
        <source>on %1</source>
        <translation>位于 %1</translation>
    </message>
    <message>
        <source>%1 in %2</source>
        <translation>%2 中的 %1</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1，%2</translation>
    </message>
    <message>
        <source>no longer on this host</source>
        <translation>已不在此主机上</translation>
    </message>
</context>
<context>
    <name>slipway::widgets::ContainersView</name>
    <message>
        <source>Start the selected containers</source>
        <translation>启动所选容器</translation>
    </message>
    <message>
        <source>Stop the selected containers (SIGTERM, then SIGKILL after the timeout)</source>
        <translation>停止所选容器（先发送 SIGTERM，超时后发送 SIGKILL）</translation>
    </message>
    <message>
        <source>Restart the selected containers</source>
        <translation>重启所选容器</translation>
    </message>
    <message>
        <source>Kill the selected containers at once (SIGKILL)</source>
        <translation>立即强行终止所选容器（SIGKILL）</translation>
    </message>
    <message>
        <source>Remove the selected containers (asks first)</source>
        <translation>删除所选容器（会先确认）</translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <source>Logs</source>
        <translation>日志</translation>
    </message>
    <message>
        <source>Follow the current container&apos;s log</source>
        <translation>跟踪当前容器的日志</translation>
    </message>
    <message>
        <source>Retry now</source>
        <translation>立即重试</translation>
    </message>
    <message>
        <source>1 container</source>
        <translation>1 个容器</translation>
    </message>
    <message>
        <source>%1 containers</source>
        <translation>%1 个容器</translation>
    </message>
    <message>
        <source>%1 of %2 containers</source>
        <translation>%2 个容器中的 %1 个</translation>
    </message>
    <message>
        <source>Host &quot;%1&quot; is unreachable.</source>
        <translation>无法连接主机“%1”。</translation>
    </message>
    <message>
        <source>Host &quot;%1&quot; is unreachable — showing its last known container, greyed out.</source>
        <translation>无法连接主机“%1”——以灰色显示其最后已知的 1 个容器。</translation>
    </message>
    <message>
        <source>Host &quot;%1&quot; is unreachable — showing its %2 last known containers, greyed out.</source>
        <translation>无法连接主机“%1”——以灰色显示其最后已知的 %2 个容器。</translation>
    </message>
    <message>
        <source>Host &quot;%1&quot; is not synced: %2</source>
        <translation>主机“%1”未同步：%2</translation>
    </message>
    <message>
        <source>Host &quot;%1&quot; has no usable connection; its containers are not listed.</source>
        <translation>主机“%1”没有可用的连接；未列出其容器。</translation>
    </message>
    <message>
        <source>Waiting for the engine…</source>
        <translation>正在等待引擎…</translation>
    </message>
    <message>
        <source>Waiting for %1 actions…</source>
        <translation>正在等待 %1 个操作…</translation>
    </message>
    <message>
        <source>%1 &quot;%2&quot; on %3 failed: %4</source>
        <translation>%3 上的“%2”%1失败：%4</translation>
    </message>
</context>
<context>
    <name>slipway::widgets::DashboardView</name>
    <message>
        <source>Fleet overview</source>
        <translation>集群概览</translation>
    </message>
    <message>
        <source>Hosts up</source>
        <translation>在线主机</translation>
    </message>
    <message>
        <source>Containers running</source>
        <translation>运行中的容器</translation>
    </message>
    <message>
        <source>Unhealthy</source>
        <translation>不健康</translation>
    </message>
    <message>
        <source>Cluster CPU</source>
        <translation>集群 CPU</translation>
    </message>
    <message>
        <source>Cluster memory</source>
        <translation>集群内存</translation>
    </message>
    <message>
        <source>Open the Hosts section</source>
        <translation>打开“主机”部分</translation>
    </message>
    <message>
        <source>Load per host</source>
        <translation>每台主机的负载</translation>
    </message>
    <message>
        <source>Imbalance: the spread, in percentage points, between the most and the least loaded reachable host.</source>
        <translation>不均衡度：负载最高与最低的可连接主机之间的差距，以百分点计。</translation>
    </message>
    <message>
        <source>Cluster CPU and memory</source>
        <translation>集群 CPU 和内存</translation>
    </message>
    <message>
        <source>15 min</source>
        <translation>15 分钟</translation>
    </message>
    <message>
        <source>The last 15 minutes</source>
        <translation>最近 15 分钟</translation>
    </message>
    <message>
        <source>1 h</source>
        <translation>1 小时</translation>
    </message>
    <message>
        <source>The last hour</source>
        <translation>最近 1 小时</translation>
    </message>
    <message>
        <source>24 h</source>
        <translation>24 小时</translation>
    </message>
    <message>
        <source>The last 24 hours</source>
        <translation>最近 24 小时</translation>
    </message>
    <message>
        <source>Used</source>
        <translation>已用</translation>
    </message>
    <message>
        <source>CPU (% of all cores)</source>
        <translation>CPU（占所有核心的 %）</translation>
    </message>
    <message>
        <source>Memory (% of all RAM)</source>
        <translation>内存（占全部 RAM 的 %）</translation>
    </message>
    <message>
        <source>Top containers</source>
        <translation>容器排行</translation>
    </message>
    <message>
        <source>Top applications</source>
        <translation>应用排行</translation>
    </message>
    <message>
        <source>No application measured yet: applications are containers labelled slipway.app.</source>
        <translation>尚未测量任何应用：应用是带有 slipway.app 标签的容器。</translation>
    </message>
    <message>
        <source>not measured yet</source>
        <translation>尚未测量</translation>
    </message>
    <message>
        <source>of 1 core</source>
        <translation>共 1 核</translation>
    </message>
    <message>
        <source>of %1 cores</source>
        <translation>共 %1 核</translation>
    </message>
    <message>
        <source> on 1 host</source>
        <translation> · 1 台主机</translation>
    </message>
    <message>
        <source> on %1 hosts</source>
        <translation> · %1 台主机</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>Dashed line: the mean of the reachable hosts.</source>
        <translation>虚线：可连接主机的平均值。</translation>
    </message>
    <message>
        <source>Busiest: %1 at %2 CPU; least busy: %3 at %4.</source>
        <translation>最忙：%1，CPU %2；最空闲：%3，%4。</translation>
    </message>
    <message>
        <source>One reachable host: nothing to balance yet.</source>
        <translation>只有一台可连接主机：暂无需均衡。</translation>
    </message>
    <message>
        <source>%1 pts</source>
        <translation>%1 个百分点</translation>
    </message>
    <message>
        <source>Imbalance</source>
        <translation>不均衡度</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>memory</source>
        <translation>内存</translation>
    </message>
    <message>
        <source>Updated %1 · sampled every %2 s</source>
        <translation>更新于 %1 · 每 %2 秒采样一次</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>no host configured</source>
        <translation>未配置主机</translation>
    </message>
    <message>
        <source>loading hosts…</source>
        <translation>正在加载主机…</translation>
    </message>
    <message>
        <source>down: %1</source>
        <translation>离线：%1</translation>
    </message>
    <message numerus="yes">
        <source>connecting to %n host(s)…</source>
        <translation>
            <numerusform>正在连接 %n 台主机…</numerusform>
        </translation>
    </message>
    <message>
        <source>all reachable</source>
        <translation>全部可连接</translation>
    </message>
    <message numerus="yes">
        <source>%n not running</source>
        <translation>
            <numerusform>%n 个未运行</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n restarting</source>
        <translation>
            <numerusform>，%n 个重启中</numerusform>
        </translation>
    </message>
    <message>
        <source>every health check passes</source>
        <translation>所有健康检查均通过</translation>
    </message>
    <message numerus="yes">
        <source> and %n more</source>
        <translation>
            <numerusform> 以及另外 %n 个</numerusform>
        </translation>
    </message>
    <message>
        <source>Open the usage of %1</source>
        <translation>查看 %1 的资源使用情况</translation>
    </message>
</context>
<context>
    <name>slipway::widgets::DeployDialog</name>
    <message>
        <source>Deploy</source>
        <translation>部署</translation>
    </message>
    <message>
        <source>e.g. web</source>
        <translation>例如 web</translation>
    </message>
    <message>
        <source>e.g. staging</source>
        <translation>例如 staging</translation>
    </message>
    <message>
        <source>e.g. registry.example.com:5000/team/web:1.2.0</source>
        <translation>例如 registry.example.com:5000/team/web:1.2.0</translation>
    </message>
    <message>
        <source>e.g. 8080 or 127.0.0.1:0:8080 (host port 0: any)</source>
        <translation>例如 8080 或 127.0.0.1:0:8080（主机端口 0：任意）</translation>
    </message>
    <message>
        <source>[IP:][HOST:]CONTAINER[/udp], separated by commas. Without an address the port is bound on 127.0.0.1. A fixed host port means the old replica must stop before the new one starts.</source>
        <translation>[IP:][HOST:]CONTAINER[/udp]，以逗号分隔。未指定地址时，端口绑定在 127.0.0.1 上。固定主机端口意味着旧副本必须在新副本启动前停止。</translation>
    </message>
    <message>
        <source>empty: the image&apos;s own health check</source>
        <translation>留空：使用镜像自带的健康检查</translation>
    </message>
    <message>
        <source>A shell command run inside the container; exit 0 means healthy.</source>
        <translation>在容器内运行的 shell 命令；退出码 0 表示健康。</translation>
    </message>
    <message>
        <source>Application:</source>
        <translation>应用：</translation>
    </message>
    <message>
        <source>Environment:</source>
        <translation>环境：</translation>
    </message>
    <message>
        <source>Image:</source>
        <translation>镜像：</translation>
    </message>
    <message>
        <source>Replicas:</source>
        <translation>副本数：</translation>
    </message>
    <message>
        <source>Publish:</source>
        <translation>发布端口：</translation>
    </message>
    <message>
        <source>Environment variables:</source>
        <translation>环境变量：</translation>
    </message>
    <message>
        <source>Health command:</source>
        <translation>健康检查命令：</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message numerus="yes">
        <source>%1 in %2 runs %3: %n replica(s).</source>
        <translation>
            <numerusform>%2 中的 %1 正在运行 %3：%n 个副本。</numerusform>
        </translation>
    </message>
    <message>
        <source>Deploy %1 in %2</source>
        <translation>部署 %2 中的 %1</translation>
    </message>
    <message>
        <source>Name the application.</source>
        <translation>请为应用命名。</translation>
    </message>
    <message>
        <source>Application &quot;%1&quot;: start with a letter or digit and use only letters, digits, &apos;.&apos;, &apos;_&apos; and &apos;-&apos; (at most 63).</source>
        <translation>应用“%1”：须以字母或数字开头，只能使用字母、数字、“.”、“_”和“-”（最多 63 个字符）。</translation>
    </message>
    <message>
        <source>Name the environment.</source>
        <translation>请为环境命名。</translation>
    </message>
    <message>
        <source>Environment &quot;%1&quot;: start with a letter or digit and use only letters, digits, &apos;.&apos;, &apos;_&apos; and &apos;-&apos; (at most 63).</source>
        <translation>环境“%1”：须以字母或数字开头，只能使用字母、数字、“.”、“_”和“-”（最多 63 个字符）。</translation>
    </message>
    <message>
        <source>Give the image to deploy.</source>
        <translation>请指定要部署的镜像。</translation>
    </message>
    <message>
        <source>Publish: %1</source>
        <translation>发布端口：%1</translation>
    </message>
    <message>
        <source>Deploys %1 as %2 in %3.</source>
        <translation>将 %1 部署为 %3 中的 %2。</translation>
    </message>
    <message>
        <source>A fixed host port is published: the running replica on each host is stopped before its replacement starts, so there is a short gap (measured and reported). Publish host port 0 to let old and new run side by side.</source>
        <translation>发布了固定主机端口：每台主机上正在运行的副本会在其替代副本启动前停止，因此会有短暂的中断（会测量并报告）。将主机端口设为 0 可让新旧副本同时运行。</translation>
    </message>
    <message>
        <source>Resolving %1…</source>
        <translation>正在解析 %1…</translation>
    </message>
    <message>
        <source>When missing: use the host&apos;s image, pull only if it has none</source>
        <translation>缺失时：使用主机上的镜像，仅当主机没有时才拉取</translation>
    </message>
    <message>
        <source>Always: pull before deploying</source>
        <translation>总是：部署前拉取</translation>
    </message>
    <message>
        <source>Never: use only images the hosts have</source>
        <translation>从不：只使用主机上已有的镜像</translation>
    </message>
    <message>
        <source>As docker run --pull. An image that was never pushed or pulled is pinned by its ID and runs only on the hosts that have it.</source>
        <translation>同 docker run --pull。从未推送或拉取过的镜像按其 ID 固定，只能在拥有它的主机上运行。</translation>
    </message>
    <message>
        <source>Pull:</source>
        <translation>拉取：</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Cancel the deployment: the new replicas are removed and the running version keeps serving.</source>
        <translation>取消部署：删除新副本，正在运行的版本继续提供服务。</translation>
    </message>
    <message>
        <source>Cancelling: removing the new replicas…</source>
        <translation>正在取消：正在删除新副本…</translation>
    </message>
</context>
<context>
    <name>slipway::widgets::EnvVarsEdit</name>
    <message>
        <source>Add variable</source>
        <translation>添加变量</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Secret</source>
        <translation>机密</translation>
    </message>
    <message>
        <source>Remove this variable</source>
        <translation>删除此变量</translation>
    </message>
    <message>
        <source>A name with PASSWORD, SECRET, TOKEN or KEY in it is always a secret.</source>
        <translation>名称中含 PASSWORD、SECRET、TOKEN 或 KEY 的变量总是视为机密。</translation>
    </message>
    <message>
        <source>A secret&apos;s value is used for this deployment and never stored or shown.</source>
        <translation>机密的值用于本次部署，从不存储或显示。</translation>
    </message>
    <message>
        <source>empty: from the environment, secrets.env or the running replicas</source>
        <translation>留空：从环境、secrets.env 或正在运行的副本获取</translation>
    </message>
    <message>
        <source>value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Never stored: later changes take it from Slipway&apos;s environment, ~/.config/slipway/secrets.env or the replicas running now.</source>
        <translation>从不存储：之后的变更会从 Slipway 的环境、~/.config/slipway/secrets.env 或当前正在运行的副本获取它。</translation>
    </message>
    <message>
        <source>Environment variable %1: give its name.</source>
        <translation>环境变量 %1：请填写其名称。</translation>
    </message>
    <message>
        <source>Environment variable %1: the name &quot;%2&quot; may not contain &apos;=&apos; or a space.</source>
        <translation>环境变量 %1：名称“%2”不能包含“=”或空格。</translation>
    </message>
    <message>
        <source>Environment variable %1: %2 is given twice.</source>
        <translation>环境变量 %1：%2 被指定了两次。</translation>
    </message>
</context>
<context>
    <name>slipway::widgets::EnvironmentsView</name>
    <message>
        <source>Provision…</source>
        <translation>置备…</translation>
    </message>
    <message>
        <source>Provision an environment from the template selected in the catalog</source>
        <translation>从目录中选中的模板置备环境</translation>
    </message>
    <message>
        <source>Import template…</source>
        <translation>导入模板…</translation>
    </message>
    <message>
        <source>Import a Compose file and the files it names as a template</source>
        <translation>将 Compose 文件及其引用的文件导入为模板</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Reload templates and environments</source>
        <translation>重新加载模板和环境</translation>
    </message>
    <message>
        <source>Catalog</source>
        <translation>目录</translation>
    </message>
    <message>
        <source>My environments</source>
        <translation>我的环境</translation>
    </message>
    <message>
        <source>Import template</source>
        <translation>导入模板</translation>
    </message>
    <message>
        <source>Compose files (*.yml *.yaml);;All files (*)</source>
        <translation>Compose 文件 (*.yml *.yaml);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Template name:</source>
        <translation>模板名称：</translation>
    </message>
</context>
<context>
    <name>slipway::widgets::HealthFields</name>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Each new replica is watched this long once healthy: an exit, a restart or an out-of-memory kill in that time fails the change and the running version keeps serving (Swarm&apos;s --update-monitor). 0: not watched.</source>
        <translation>每个新副本变为健康后被监视的时长：在此期间退出、重启或因内存不足被终止都会使变更失败，正在运行的版本继续提供服务（Swarm 的 --update-monitor）。0：不监视。</translation>
    </message>
    <message>
        <source>e.g. http://:8080/health or tcp://:5432</source>
        <translation>例如 http://:8080/health 或 tcp://:5432</translation>
    </message>
    <message>
        <source>Sent from inside each new replica, so it reaches the application itself on any host. Empty: the image&apos;s health check, else a TCP connect to the first published port.</source>
        <translation>从每个新副本内部发送，因此在任何主机上都能到达应用本身。留空：使用镜像自带的健康检查，否则对第一个已发布端口进行 TCP 连接。</translation>
    </message>
    <message>
        <source>Monitor:</source>
        <translation>监视：</translation>
    </message>
    <message>
        <source>Probe:</source>
        <translation>探针：</translation>
    </message>
    <message>
        <source>Probe: %1</source>
        <translation>探针：%1</translation>
    </message>
</context>
<context>
    <name>slipway::widgets::HistoryPage</name>
    <message>
        <source>Roll back to previous</source>
        <translation>回滚到上一版本</translation>
    </message>
    <message>
        <source>Run the version deployed before the current one again</source>
        <translation>再次运行当前版本之前部署的版本</translation>
    </message>
    <message>
        <source>Roll back to this</source>
        <translation>回滚到此部署</translation>
    </message>
    <message>
        <source>Run the selected deployment&apos;s image (by digest) and configuration again</source>
        <translation>再次运行所选部署的镜像（按摘要）和配置</translation>
    </message>
    <message>
        <source>Undo last change</source>
        <translation>撤销上次变更</translation>
    </message>
    <message>
        <source>Start the replicas the latest deployment stopped again (while its undo window is open), then stop the current ones</source>
        <translation>重新启动最近一次部署停止的副本（在撤销窗口内），然后停止当前副本</translation>
    </message>
    <message>
        <source>How many versions of this application are kept restorable</source>
        <translation>此应用保留多少个可回滚的版本</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>应用</translation>
    </message>
    <message>
        <source>Keep this many versions restorable</source>
        <translation>保留此数量的可回滚版本</translation>
    </message>
    <message>
        <source>Keep restorable:</source>
        <translation>保留可回滚版本：</translation>
    </message>
    <message>
        <source>versions</source>
        <translation>个版本</translation>
    </message>
</context>
<context>
    <name>slipway::widgets::HostDetails</name>
    <message>
        <source>Select a host to see its details.</source>
        <translation>选择一台主机以查看其详情。</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>TLS</source>
        <translation>TLS</translation>
    </message>
    <message>
        <source>Engine version</source>
        <translation>引擎版本</translation>
    </message>
    <message>
        <source>API version</source>
        <translation>API 版本</translation>
    </message>
    <message>
        <source>Last checked</source>
        <translation>上次检查</translation>
    </message>
    <message>
        <source>Last answered</source>
        <translation>上次响应</translation>
    </message>
    <message>
        <source>Host name</source>
        <translation>主机名</translation>
    </message>
    <message>
        <source>Operating system</source>
        <translation>操作系统</translation>
    </message>
    <message>
        <source>Kernel</source>
        <translation>内核</translation>
    </message>
    <message>
        <source>Architecture</source>
        <translation>架构</translation>
    </message>
    <message>
        <source>CPUs</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>内存</translation>
    </message>
    <message>
        <source>Containers</source>
        <translation>容器</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>镜像</translation>
    </message>
    <message>
        <source>Swarm role</source>
        <translation>Swarm 角色</translation>
    </message>
    <message>
        <source>Host details</source>
        <translation>主机详情</translation>
    </message>
    <message>
        <source>Not answering: %1
The facts below are from when it last answered.</source>
        <translation>无响应：%1
以下信息来自它上一次响应时。</translation>
    </message>
    <message>
        <source>Not answering: %1</source>
        <translation>无响应：%1</translation>
    </message>
    <message>
        <source>TLS certificate verification is off for this host: Slipway cannot tell it from an impostor. Turn it back on once its certificate is trusted.</source>
        <translation>此主机的 TLS 证书验证已关闭：Slipway 无法将它与冒充者区分开。待其证书受信任后请重新开启。</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>%1 running of %2</source>
        <translation>%2 个中 %1 个运行中</translation>
    </message>
    <message>
        <source>off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>on, certificate NOT verified</source>
        <translation>开启，证书未验证</translation>
    </message>
    <message>
        <source>on, certificate verified</source>
        <translation>开启，证书已验证</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <source>This host is the same Docker engine as %1: it answers with the same engine ID at another URL. Slipway lists both but places replicas on it as one host.</source>
        <translation>此主机与 %1 是同一个 Docker 引擎：它在另一个 URL 上以相同的引擎 ID 应答。Slipway 会同时列出两者，但放置副本时将其视为一台主机。</translation>
    </message>
</context>
<context>
    <name>slipway::widgets::HostDialog</name>
    <message>
        <source>Add host</source>
        <translation>添加主机</translation>
    </message>
    <message>
        <source>Edit host &quot;%1&quot;</source>
        <translation>编辑主机“%1”</translation>
    </message>
    <message>
        <source>e.g. build-07</source>
        <translation>例如 build-07</translation>
    </message>
    <message>
        <source>unix:///var/run/docker.sock, tcp://host:2375, https://host:2376</source>
        <translation>unix:///var/run/docker.sock、tcp://主机:2375、https://主机:2376</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;URL:</source>
        <translation>URL(&amp;U)：</translation>
    </message>
    <message>
        <source>CA certificate</source>
        <translation>CA 证书</translation>
    </message>
    <message>
        <source>Client certificate</source>
        <translation>客户端证书</translation>
    </message>
    <message>
        <source>Private key</source>
        <translation>私钥</translation>
    </message>
    <message>
        <source>TLS &amp;CA:</source>
        <translation>TLS CA(&amp;C)：</translation>
    </message>
    <message>
        <source>Client &amp;certificate:</source>
        <translation>客户端证书(&amp;E)：</translation>
    </message>
    <message>
        <source>Private &amp;key:</source>
        <translation>私钥(&amp;K)：</translation>
    </message>
    <message>
        <source>&amp;Verify the server certificate</source>
        <translation>验证服务器证书(&amp;V)</translation>
    </message>
    <message>
        <source>Without verification anyone between you and this host can pretend to be it and see everything Slipway sends, including what it deploys. Use this only for a test host.</source>
        <translation>不验证证书时，你与该主机之间的任何人都可以冒充它，并看到 Slipway 发送的所有内容，包括部署的内容。仅对测试主机这样做。</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>测试连接(&amp;T)</translation>
    </message>
    <message>
        <source>optional, for TLS</source>
        <translation>可选，用于 TLS</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Choose the %1 file</source>
        <translation>选择%1文件</translation>
    </message>
    <message>
        <source>PEM files (*.pem *.crt *.key)</source>
        <translation>PEM 文件 (*.pem *.crt *.key)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <source>Give the host a name.</source>
        <translation>请为主机命名。</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>正在连接 %1…</translation>
    </message>
    <message>
        <source>Connected: Docker %1, API %2, %3 (%4 CPUs).</source>
        <translation>已连接：Docker %1，API %2，%3（%4 个 CPU）。</translation>
    </message>
    <message>
        <source>Cannot connect: %1</source>
        <translation>无法连接：%1</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>未保存：%1</translation>
    </message>
</context>
<context>
    <name>slipway::widgets::HostLoadBars</name>
    <message>
        <source>Host</source>
        <translation>主机</translation>
    </message>
    <message>
        <source>CPU (% of cores)</source>
        <translation>CPU（占核心的 %）</translation>
    </message>
    <message>
        <source>Memory (% of RAM)</source>
        <translation>内存（占 RAM 的 %）</translation>
    </message>
    <message>
        <source>Waiting for the first samples…</source>
        <translation>正在等待首批采样…</translation>
    </message>
    <message>
        <source>%1 (down)</source>
        <translation>%1（离线）</translation>
    </message>
    <message>
        <source>%1 is unreachable: no current figures.</source>
        <translation>%1 无法连接：没有当前数据。</translation>
    </message>
    <message numerus="yes">
        <source>%1
CPU: %2 of %n core(s)</source>
        <translation>
            <numerusform>%1
CPU：%2 / %n 核</numerusform>
        </translation>
    </message>
    <message>
        <source>Memory: %1 of %2 (%3)</source>
        <translation>内存：%1 / %2（%3）</translation>
    </message>
    <message numerus="yes">
        <source>%n container(s) measured</source>
        <translation>
            <numerusform>已测量 %n 个容器</numerusform>
        </translation>
    </message>
    <message>
        <source>The dashed line is the mean of all reachable hosts.</source>
        <translation>虚线是所有可连接主机的平均值。</translation>
    </message>
</context>
<context>
    <name>slipway::widgets::HostsView</name>
    <message>
        <source>Add…</source>
        <translation>添加…</translation>
    </message>
    <message>
        <source>Add a Docker host</source>
        <translation>添加一台 Docker 主机</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Edit the selected host</source>
        <translation>编辑所选主机</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Remove the selected host</source>
        <translation>删除所选主机</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>测试连接</translation>
    </message>
    <message>
        <source>Ask the selected host who it is, now</source>
        <translation>立即询问所选主机的身份信息</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Probe every host again now</source>
        <translation>立即重新探测所有主机</translation>
    </message>
    <message>
        <source>No Docker hosts yet. Add one with &quot;Add…&quot;, set DOCKER_HOST, or create a docker context.</source>
        <translation>还没有 Docker 主机。请用“添加…”添加一台，或设置 DOCKER_HOST，或创建一个 docker 上下文。</translation>
    </message>
    <message>
        <source>Connection test passed: Docker %1, API %2.</source>
        <translation>连接测试通过：Docker %1，API %2。</translation>
    </message>
    <message>
        <source>Connection test failed: %1</source>
        <translation>连接测试失败：%1</translation>
    </message>
    <message>
        <source>Could not remove the host: %1</source>
        <translation>无法删除主机：%1</translation>
    </message>
    <message>
        <source>%1 comes from %2; change it there.</source>
        <translation>%1 来自%2；请在那里修改。</translation>
    </message>
    <message>
        <source>Remove host</source>
        <translation>删除主机</translation>
    </message>
    <message>
        <source>Remove the host &quot;%1&quot; (%2) from Slipway?

The engine and its containers are not touched.</source>
        <translation>要从 Slipway 中删除主机“%1”（%2）吗？

引擎及其容器不受影响。</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>保留</translation>
    </message>
    <message>
        <source>Testing the connection to %1…</source>
        <translation>正在测试到 %1 的连接…</translation>
    </message>
    <message>
        <source>Plain TCP without TLS: %1. Anyone who can reach such a host&apos;s port controls its Docker engine, which is root on that host, and can read everything sent to it. Give these hosts TLS.</source>
        <translation>未使用 TLS 的明文 TCP：%1。任何能访问此类主机端口的人都能控制其 Docker 引擎（即拥有该主机的 root 权限），并能读取发送给它的所有内容。请为这些主机启用 TLS。</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>One Docker engine is listed at more than one URL (it answers with the same engine ID): %1. Replicas are placed on it as one host.</source>
        <translation>同一个 Docker 引擎在多个 URL 下列出（它以相同的引擎 ID 应答）：%1。放置副本时将其视为一台主机。</translation>
    </message>
</context>
<context>
    <name>slipway::widgets::ImageDetailsPane</name>
    <message>
        <source>in %1</source>
        <translation>位于 %1</translation>
    </message>
    <message>
        <source>Select an image to see its tags, digests, labels and layers.</source>
        <translation>选择一个镜像以查看其标签、摘要、标记和镜像层。</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Digests</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <source>Used by</source>
        <translation>使用者</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>命令</translation>
    </message>
    <message>
        <source>Ports</source>
        <translation>端口</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>标记</translation>
    </message>
    <message>
        <source>Layers (newest first)</source>
        <translation>镜像层（最新的在前）</translation>
    </message>
    <message>
        <source>Created by</source>
        <translation>创建步骤</translation>
    </message>
    <message>
        <source>Image details</source>
        <translation>镜像详情</translation>
    </message>
    <message>
        <source>%1 images selected</source>
        <translation>已选择 %1 个镜像</translation>
    </message>
    <message>
        <source>Select a single image to see its details.</source>
        <translation>只选择一个镜像才能查看其详情。</translation>
    </message>
    <message>
        <source>%1 (untagged) on %2</source>
        <translation>%2 上的 %1（无标签）</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%2 上的 %1</translation>
    </message>
    <message>
        <source>none (dangling)</source>
        <translation>无（悬空）</translation>
    </message>
    <message>
        <source>none: built or loaded here, never pushed or pulled</source>
        <translation>无：在本机构建或载入，从未推送或拉取</translation>
    </message>
    <message>
        <source>%1 (%2 bytes)</source>
        <translation>%1（%2 字节）</translation>
    </message>
    <message>
        <source>no container</source>
        <translation>无容器</translation>
    </message>
    <message>
        <source>1 container: %1</source>
        <translation>1 个容器：%1</translation>
    </message>
    <message>
        <source>%1 containers: %2</source>
        <translation>%1 个容器：%2</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Loading the image&apos;s layers…</source>
        <translation>正在载入镜像层…</translation>
    </message>
    <message>
        <source>%1 does not answer: this is what it had when it last did.</source>
        <translation>%1 没有响应：这是它最后一次响应时的内容。</translation>
    </message>
    <message>
        <source>Could not load the details: %1</source>
        <translation>无法载入详情：%1</translation>
    </message>
    <message>
        <source>(no step recorded)</source>
        <translation>（未记录步骤）</translation>
    </message>
</context>
<context>
    <name>slipway::widgets::ImagesView</name>
    <message>
        <source>Pull…</source>
        <translation>拉取…</translation>
    </message>
    <message>
        <source>Pull an image from its registry onto a host</source>
        <translation>从镜像仓库拉取镜像到主机</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Remove the selected images (asks first)</source>
        <translation>删除所选镜像（会先确认）</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>List the images of every host again now</source>
        <translation>立即重新列出每台主机的镜像</translation>
    </message>
    <message>
        <source>Filter: repository, tag, ID, host, container…</source>
        <translation>筛选：仓库、标签、ID、主机、容器…</translation>
    </message>
    <message>
        <source>Show dangling</source>
        <translation>显示悬空镜像</translation>
    </message>
    <message>
        <source>Images no tag points to any more</source>
        <translation>已没有任何标签指向的镜像</translation>
    </message>
    <message>
        <source>Could not remove %1 from “%2”: %3</source>
        <translation>无法从“%2”删除 %1：%3</translation>
    </message>
    <message>
        <source>Removed %1 from “%2”.</source>
        <translation>已从“%2”删除 %1。</translation>
    </message>
    <message>
        <source>Removed %1 images.</source>
        <translation>已删除 %1 个镜像。</translation>
    </message>
    <message>
        <source>%1 (untagged)</source>
        <translation>%1（无标签）</translation>
    </message>
    <message>
        <source>%1 tags of %2 images</source>
        <translation>%2 个镜像，共 %1 个标签</translation>
    </message>
    <message>
        <source>%1 of %2 tags shown</source>
        <translation>显示 %1 / %2 个标签</translation>
    </message>
    <message>
        <source> · %1 dangling · %2 in all</source>
        <translation> · %1 个悬空 · 共 %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Cannot list the images of every host; those shown greyed are the last known.
%1</source>
        <translation>无法列出所有主机的镜像；灰色显示的是最后已知的内容。
%1</translation>
    </message>
    <message>
        <source>Remove this image from “%1”?</source>
        <translation>要从“%1”删除此镜像吗？</translation>
    </message>
    <message>
        <source>Remove these %1 images from “%2”?</source>
        <translation>要从“%2”删除这 %1 个镜像吗？</translation>
    </message>
    <message>
        <source>Remove these %1 images from %2 hosts?</source>
        <translation>要从 %2 台主机删除这 %1 个镜像吗？</translation>
    </message>
    <message>
        <source>• %1 on “%2”</source>
        <translation>• “%2”上的 %1</translation>
    </message>
    <message>
        <source>… and %1 more</source>
        <translation>… 以及另外 %1 个</translation>
    </message>
    <message>
        <source>Remove images</source>
        <translation>删除镜像</translation>
    </message>
    <message>
        <source>A tag of an image that has other tags is only untagged. The engine refuses to remove an image a container uses.</source>
        <translation>如果镜像还有其他标签，只会移除该标签。引擎会拒绝删除正被容器使用的镜像。</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>保留</translation>
    </message>
</context>
<context>
    <name>slipway::widgets::KindVariablesDialog</name>
    <message>
        <source>Variables of %1</source>
        <translation>%1 的变量</translation>
    </message>
    <message>
        <source>Every kind (the template&apos;s own)</source>
        <translation>所有类型（模板自身的变量）</translation>
    </message>
    <message>
        <source>Variable</source>
        <translation>变量</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Secret</source>
        <translation>机密</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>类型：</translation>
    </message>
    <message>
        <source>A secret keeps only its name here; its value comes from the environment, the secrets file or the provision.</source>
        <translation>机密在此只保存名称；其值来自环境变量、机密文件或置备时的输入。</translation>
    </message>
    <message>
        <source>Variable &quot;%1&quot;: %2</source>
        <translation>变量“%1”：%2</translation>
    </message>
    <message>
        <source>Variable &quot;%1&quot; is listed twice.</source>
        <translation>变量“%1”列出了两次。</translation>
    </message>
    <message>
        <source>Saved. The values of %1 were not: secrets keep only their names.</source>
        <translation>已保存。%1 的值未保存：机密只保留名称。</translation>
    </message>
</context>
<context>
    <name>slipway::widgets::LogView</name>
    <message>
        <source>Search the log</source>
        <translation>搜索日志</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>上一个</translation>
    </message>
    <message>
        <source>The previous match (Shift+Enter)</source>
        <translation>上一个匹配（Shift+Enter）</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>下一个</translation>
    </message>
    <message>
        <source>The next match (Enter)</source>
        <translation>下一个匹配（Enter）</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Stop scrolling new lines in; they are kept and shown on resume</source>
        <translation>停止滚入新行；新行会被保留，恢复时显示</translation>
    </message>
    <message>
        <source>Timestamps</source>
        <translation>时间戳</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清空</translation>
    </message>
    <message>
        <source>Empty the view; new lines keep coming</source>
        <translation>清空视图；新行会继续到来</translation>
    </message>
    <message>
        <source>… 1 line not shown: lines came faster than they could be kept</source>
        <translation>……有 1 行未显示：日志产生得比能保留的更快</translation>
    </message>
    <message>
        <source>… %1 lines not shown: lines came faster than they could be kept</source>
        <translation>……有 %1 行未显示：日志产生得比能保留的更快</translation>
    </message>
    <message>
        <source>No matches</source>
        <translation>无匹配</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>第 %1 个，共 %2 个</translation>
    </message>
    <message>
        <source>%1+ matches</source>
        <translation>%1 个以上匹配</translation>
    </message>
    <message>
        <source>1 match</source>
        <translation>1 个匹配</translation>
    </message>
    <message>
        <source>%1 matches</source>
        <translation>%1 个匹配</translation>
    </message>
    <message>
        <source>Select a container to follow its log.</source>
        <translation>选择一个容器以跟踪其日志。</translation>
    </message>
    <message>
        <source>Not following.</source>
        <translation>未在跟踪。</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <source>Following live.</source>
        <translation>正在实时跟踪。</translation>
    </message>
    <message>
        <source>The container is not running; the log ends here.</source>
        <translation>容器未在运行；日志到此为止。</translation>
    </message>
    <message>
        <source>Could not follow the log: %1</source>
        <translation>无法跟踪日志：%1</translation>
    </message>
    <message>
        <source>Paused.</source>
        <translation>已暂停。</translation>
    </message>
    <message>
        <source>Paused: 1 new line held back.</source>
        <translation>已暂停：暂存了 1 行新日志。</translation>
    </message>
    <message>
        <source>Paused: %1 new lines held back.</source>
        <translation>已暂停：暂存了 %1 行新日志。</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
</context>
<context>
    <name>slipway::widgets::MyEnvironmentsPage</name>
    <message>
        <source>Double-click a service to open its first endpoint.</source>
        <translation>双击服务可打开其第一个端点。</translation>
    </message>
    <message>
        <source>Only mine</source>
        <translation>仅我的</translation>
    </message>
    <message>
        <source>Recycle</source>
        <translation>回收</translation>
    </message>
    <message>
        <source>Recycle all of mine</source>
        <translation>回收我的全部环境</translation>
    </message>
    <message>
        <source>Logs</source>
        <translation>日志</translation>
    </message>
    <message>
        <source>Shell</source>
        <translation>Shell</translation>
    </message>
    <message>
        <source>Services of the selected environment:</source>
        <translation>所选环境的服务：</translation>
    </message>
    <message>
        <source>Provision failed: %1</source>
        <translation>置备失败：%1</translation>
    </message>
    <message>
        <source>Recycle failed: %1</source>
        <translation>回收失败：%1</translation>
    </message>
    <message>
        <source>Recycle environment</source>
        <translation>回收环境</translation>
    </message>
    <message>
        <source>Recycle %1? Its containers, networks and volumes are removed (volumes its template keeps stay).</source>
        <translation>回收 %1？其容器、网络和卷将被删除（模板保留的卷除外）。</translation>
    </message>
    <message numerus="yes">
        <source>Recycle %n environment(s): %1?</source>
        <translation>
            <numerusform>回收 %n 个环境：%1？</numerusform>
        </translation>
    </message>
    <message>
        <source>No terminal program was found (set SLIPWAY_TERMINAL to one). Run this in a terminal:

%1</source>
        <translation>未找到终端程序（请将 SLIPWAY_TERMINAL 设为某个终端程序）。请在终端中运行：

%1</translation>
    </message>
</context>
<context>
    <name>slipway::widgets::ProvisionDialog</name>
    <message>
        <source>Provision %1</source>
        <translation>置备 %1</translation>
    </message>
    <message>
        <source>made up from the template and kind</source>
        <translation>由模板和类型生成</translation>
    </message>
    <message>
        <source>Least loaded host</source>
        <translation>负载最低的主机</translation>
    </message>
    <message>
        <source>Variable</source>
        <translation>变量</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Add variable</source>
        <translation>添加变量</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Provision</source>
        <translation>置备</translation>
    </message>
    <message>
        <source>Template:</source>
        <translation>模板：</translation>
    </message>
    <message>
        <source>%1, version %2</source>
        <translation>%1，版本 %2</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>类型：</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <source>Host:</source>
        <translation>主机：</translation>
    </message>
    <message>
        <source>Variables (over the kind&apos;s values):</source>
        <translation>变量（覆盖类型的值）：</translation>
    </message>
    <message>
        <source>A secret: empty takes it from the environment or the secrets file; a value typed here is used once and never stored.</source>
        <translation>机密：留空则从环境变量或机密文件获取；在此输入的值仅使用一次，从不存储。</translation>
    </message>
    <message>
        <source>Variable &quot;%1&quot;: %2</source>
        <translation>变量“%1”：%2</translation>
    </message>
    <message>
        <source>%1: the template needs a value (the kind %2 gives none).</source>
        <translation>%1：模板需要一个值（类型 %2 未提供）。</translation>
    </message>
</context>
<context>
    <name>slipway::widgets::PullDialog</name>
    <message>
        <source>Pull image</source>
        <translation>拉取镜像</translation>
    </message>
    <message>
        <source>e.g. registry.example.com:5000/team/app:1.2.0</source>
        <translation>例如 registry.example.com:5000/team/app:1.2.0</translation>
    </message>
    <message>
        <source>Pull</source>
        <translation>拉取</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <source>Host:</source>
        <translation>主机：</translation>
    </message>
    <message>
        <source>Image:</source>
        <translation>镜像：</translation>
    </message>
    <message>
        <source>Pulls from the registry in the reference; Docker Hub when it names none.</source>
        <translation>从引用中指定的镜像仓库拉取；未指定时使用 Docker Hub。</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Repository and tag, or a digest; &quot;latest&quot; when no tag is given.</source>
        <translation>仓库和标签，或摘要；未指定标签时使用“latest”。</translation>
    </message>
    <message>
        <source>Will pull %1</source>
        <translation>将拉取 %1</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Asking %1 to pull %2…</source>
        <translation>正在请求 %1 拉取 %2…</translation>
    </message>
    <message>
        <source>%1 of %2 layers done</source>
        <translation>已完成 %1 / %2 层</translation>
    </message>
    <message>
        <source>Pulled %1 onto %2.</source>
        <translation>已将 %1 拉取到 %2。</translation>
    </message>
    <message>
        <source>Not pulled.</source>
        <translation>未拉取。</translation>
    </message>
</context>
<context>
    <name>slipway::widgets::RemoveContainersBox</name>
    <message>
        <source>Remove containers</source>
        <translation>删除容器</translation>
    </message>
    <message>
        <source>Remove this container? This cannot be undone.</source>
        <translation>删除此容器？此操作无法撤销。</translation>
    </message>
    <message>
        <source>Remove these %1 containers? This cannot be undone.</source>
        <translation>删除这 %1 个容器？此操作无法撤销。</translation>
    </message>
    <message>
        <source>• %1 on %2 (%3)</source>
        <translation>• %2 上的 %1（%3）</translation>
    </message>
    <message>
        <source>… and %1 more</source>
        <translation>… 以及另外 %1 个</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Force: also stop and remove the running container</source>
        <translation>强制：同时停止并删除正在运行的容器</translation>
    </message>
    <message>
        <source>Force: also stop and remove the %1 running containers</source>
        <translation>强制：同时停止并删除 %1 个正在运行的容器</translation>
    </message>
</context>
<context>
    <name>slipway::widgets::ReplicasPage</name>
    <message>
        <source>−1</source>
        <translation>−1</translation>
    </message>
    <message>
        <source>Remove one replica (the newest)</source>
        <translation>删除一个副本（最新的）</translation>
    </message>
    <message>
        <source>+1</source>
        <translation>+1</translation>
    </message>
    <message>
        <source>Add one replica on the least-loaded host</source>
        <translation>在负载最低的主机上添加一个副本</translation>
    </message>
    <message>
        <source>Scale</source>
        <translation>扩缩</translation>
    </message>
    <message>
        <source>Run exactly this many replicas of the current version</source>
        <translation>将当前版本的副本数精确设为此数量</translation>
    </message>
    <message>
        <source>Pause reconcile</source>
        <translation>暂停协调</translation>
    </message>
    <message>
        <source>Scale to:</source>
        <translation>扩缩到：</translation>
    </message>
    <message>
        <source>%1 of %2 running (%3)</source>
        <translation>%2 个中 %1 个运行中（%3）</translation>
    </message>
    <message>
        <source>reconcile paused by %1 at %2</source>
        <translation>协调已由 %1 于 %2 暂停</translation>
    </message>
    <message>
        <source>Paused by %1 at %2: replicas that stop or go away are left as they are. Click to resume.</source>
        <translation>已由 %1 于 %2 暂停：停止或消失的副本将保持原样。点击以恢复。</translation>
    </message>
    <message>
        <source>Stop starting again or replacing replicas of this application that stop or go away, to work on them by hand</source>
        <translation>不再重新启动或替换此应用中停止或消失的副本，以便手动处理它们</translation>
    </message>
</context>
<context>
    <name>slipway::widgets::RollbackDialog</name>
    <message>
        <source>Roll back %1 in %2</source>
        <translation>回滚 %2 中的 %1</translation>
    </message>
    <message>
        <source>Roll back %1 in %2 to deployment #%3</source>
        <translation>将 %2 中的 %1 回滚到部署 #%3</translation>
    </message>
    <message>
        <source>Roll back %1 in %2 to the previous version</source>
        <translation>将 %2 中的 %1 回滚到上一版本</translation>
    </message>
    <message>
        <source>Roll back</source>
        <translation>回滚</translation>
    </message>
    <message>
        <source>Now:</source>
        <translation>当前：</translation>
    </message>
    <message>
        <source>After:</source>
        <translation>之后：</translation>
    </message>
    <message>
        <source>Replicas:</source>
        <translation>副本数：</translation>
    </message>
    <message>
        <source>Hosts:</source>
        <translation>主机：</translation>
    </message>
    <message>
        <source>The rollback failed; %1 keeps running.</source>
        <translation>回滚失败；%1 继续运行。</translation>
    </message>
    <message numerus="yes">
        <source>%1 in %2 now runs %3: %n replica(s) healthy on %4.</source>
        <translation>
            <numerusform>%2 中的 %1 现在运行 %3：%4 上有 %n 个健康副本。</numerusform>
        </translation>
    </message>
    <message>
        <source>Working out what the rollback will do…</source>
        <translation>正在计算回滚将执行的操作…</translation>
    </message>
    <message>
        <source>no host</source>
        <translation>无主机</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>Stop-first: %1. The old replica on each host is stopped before the new one starts, so the application is briefly unavailable there; the gap is measured and reported.</source>
        <translation>先停后启：%1。每台主机上的旧副本会在新副本启动前停止，因此应用在该主机上会短暂不可用；中断时长会被测量并报告。</translation>
    </message>
    <message>
        <source>a fixed host port</source>
        <translation>固定的主机端口</translation>
    </message>
    <message numerus="yes">
        <source>Pulls %1 by digest, starts %n new replica(s), waits until they are healthy, then stops the old ones (kept for an undo window).</source>
        <translation>
            <numerusform>按摘要拉取 %1，启动 %n 个新副本，等待它们变为健康，然后停止旧副本（在撤销窗口期内保留）。</numerusform>
        </translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>正在启动…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Cancelling: removing the new replicas…</source>
        <translation>正在取消：正在删除新副本…</translation>
    </message>
</context>
<context>
    <name>slipway::widgets::SamplerCostLabel</name>
    <message>
        <source>What measuring container utilization costs Slipway: its own CPU time while sampling, of one core, and how long the last round over every running container took.</source>
        <translation>测量容器利用率给 Slipway 带来的开销：采样期间其自身占用的 CPU 时间（按单核计），以及最近一轮遍历所有运行中容器所用的时间。</translation>
    </message>
    <message>
        <source>Sampling 1 container: %1 % CPU, round %2 ms</source>
        <translation>正在采样 1 个容器：%1 % CPU，每轮 %2 ms</translation>
    </message>
    <message>
        <source>Sampling %1 containers: %2 % CPU, round %3 ms</source>
        <translation>正在采样 %1 个容器：%2 % CPU，每轮 %3 ms</translation>
    </message>
</context>
<context>
    <name>slipway::widgets::SectionPlaceholder</name>
    <message>
        <source>Coming in a later release.</source>
        <translation>将在后续版本中推出。</translation>
    </message>
</context>
<context>
    <name>slipway::widgets::ServiceImageDialog</name>
    <message>
        <source>Update %1</source>
        <translation>更新 %1</translation>
    </message>
    <message>
        <source>Update &lt;b&gt;%1&lt;/b&gt; on “%2” to another image. The engine replaces one replica at a time, starting the new one before stopping the old, and rolls back by itself if a new replica fails.</source>
        <translation>将“%2”上的 &lt;b&gt;%1&lt;/b&gt; 更新为另一个镜像。引擎每次替换一个副本，先启动新副本再停止旧副本；如果新副本失败，引擎会自动回滚。</translation>
    </message>
    <message>
        <source>Image, e.g. registry:5000/app:1.2.0</source>
        <translation>镜像，例如 registry:5000/app:1.2.0</translation>
    </message>
    <message>
        <source>Looking for images of the same repository on the hosts…</source>
        <translation>正在主机上查找同一仓库的镜像…</translation>
    </message>
    <message>
        <source>Update</source>
        <translation>更新</translation>
    </message>
    <message>
        <source>The engine refused the update: %1</source>
        <translation>引擎拒绝了更新：%1</translation>
    </message>
    <message>
        <source>The service is not listed any more.</source>
        <translation>该服务已不在列表中。</translation>
    </message>
    <message numerus="yes">
        <source>%n image(s) of the same repository.</source>
        <translation>
            <numerusform>同一仓库的 %n 个镜像。</numerusform>
        </translation>
    </message>
    <message>
        <source>Some hosts could not be asked: %1</source>
        <translation>无法查询部分主机：%1</translation>
    </message>
</context>
<context>
    <name>slipway::widgets::ServiceLogsDialog</name>
    <message>
        <source>Logs of %1</source>
        <translation>%1 的日志</translation>
    </message>
</context>
<context>
    <name>slipway::widgets::ServicesView</name>
    <message>
        <source>Roll back</source>
        <translation>回滚</translation>
    </message>
    <message>
        <source>Roll the selected service back to its previous spec (asks first)</source>
        <translation>将所选服务回滚到其先前配置（会先确认）</translation>
    </message>
    <message>
        <source>Update image…</source>
        <translation>更新镜像…</translation>
    </message>
    <message>
        <source>Roll the selected service to another image, one replica at a time</source>
        <translation>将所选服务更新到另一个镜像，每次一个副本</translation>
    </message>
    <message>
        <source>Scale…</source>
        <translation>扩缩…</translation>
    </message>
    <message>
        <source>Change how many replicas the selected service runs</source>
        <translation>更改所选服务运行的副本数</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>List the services of every manager again now</source>
        <translation>立即重新列出每个管理节点的服务</translation>
    </message>
    <message>
        <source>Could not roll back %1: %2</source>
        <translation>无法回滚 %1：%2</translation>
    </message>
    <message>
        <source>Could not update %1: %2</source>
        <translation>无法更新 %1：%2</translation>
    </message>
    <message>
        <source>Could not scale %1: %2</source>
        <translation>无法扩缩 %1：%2</translation>
    </message>
    <message>
        <source>%1 has no previous spec to roll back to.</source>
        <translation>%1 没有可回滚到的先前配置。</translation>
    </message>
    <message>
        <source>No host is a Swarm manager: services show here once one is.</source>
        <translation>没有主机是 Swarm 管理节点：有管理节点后，服务会显示在这里。</translation>
    </message>
    <message numerus="yes">
        <source>%n service(s)</source>
        <translation>
            <numerusform>%n 个服务</numerusform>
        </translation>
    </message>
    <message>
        <source> on </source>
        <translation> 位于 </translation>
    </message>
    <message numerus="yes">
        <source>%n manager(s)</source>
        <translation>
            <numerusform>%n 个管理节点</numerusform>
        </translation>
    </message>
    <message>
        <source> · %1 updating · %2 not all running</source>
        <translation> · %1 个更新中 · %2 个未全部运行</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Cannot list the services of every manager; those shown greyed are the last known.
%1</source>
        <translation>无法列出所有管理节点的服务；灰色显示的是最后已知的内容。
%1</translation>
    </message>
    <message>
        <source>Rolling back %1 to %2…</source>
        <translation>正在将 %1 回滚到 %2…</translation>
    </message>
    <message>
        <source>Updating %1 to %2, one replica at a time…</source>
        <translation>正在将 %1 更新到 %2，每次一个副本…</translation>
    </message>
    <message>
        <source>Scaling %1 to %2 replicas…</source>
        <translation>正在将 %1 扩缩到 %2 个副本…</translation>
    </message>
    <message>
        <source>Roll back service</source>
        <translation>回滚服务</translation>
    </message>
    <message>
        <source>Roll %1 on “%2” back to its previous spec?</source>
        <translation>要将“%2”上的 %1 回滚到其先前配置吗？</translation>
    </message>
    <message>
        <source>Now: %1, %2 replicas
Back to: %3, %4 replicas</source>
        <translation>当前：%1，%2 个副本
回滚到：%3，%4 个副本</translation>
    </message>
    <message>
        <source>The engine starts each old replica before it stops a new one.</source>
        <translation>引擎会先启动每个旧副本，再停止对应的新副本。</translation>
    </message>
    <message>
        <source>The previous spec rolls back stop-first: each replica is stopped before its replacement starts, so capacity drops by one during the rollback.</source>
        <translation>先前配置以先停后启方式回滚：每个副本会在其替代副本启动前停止，因此回滚期间容量会减少一个副本。</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>保留</translation>
    </message>
    <message>
        <source>Scale %1</source>
        <translation>扩缩 %1</translation>
    </message>
    <message>
        <source>%1 runs %2 of %3 replicas now. 0 stops every replica and keeps the service.</source>
        <translation>%1 当前运行 %2 / %3 个副本。设为 0 会停止所有副本但保留服务。</translation>
    </message>
    <message>
        <source>Scale</source>
        <translation>扩缩</translation>
    </message>
    <message>
        <source>Replicas:</source>
        <translation>副本数：</translation>
    </message>
    <message>
        <source>%1 runs %2 of %3 replicas.</source>
        <translation>%1 运行 %2 / %3 个副本。</translation>
    </message>
    <message>
        <source>The engine rolled %1 back to %2 by itself: %3</source>
        <translation>引擎已自动将 %1 回滚到 %2：%3</translation>
    </message>
    <message>
        <source>Last task error: %1</source>
        <translation>上次任务错误：%1</translation>
    </message>
    <message>
        <source>The update of %1 paused: %2</source>
        <translation>%1 的更新已暂停：%2</translation>
    </message>
    <message>
        <source>%1 rolled back to %2; %3 of %4 replicas running.</source>
        <translation>%1 已回滚到 %2；%4 个副本中 %3 个运行中。</translation>
    </message>
    <message>
        <source>%1 updated to %2; %3 of %4 replicas running.</source>
        <translation>%1 已更新到 %2；%4 个副本中 %3 个运行中。</translation>
    </message>
</context>
<context>
    <name>slipway::widgets::TakeoverDialog</name>
    <message>
        <source>Lock of %1 in %2</source>
        <translation>%2 中 %1 的锁</translation>
    </message>
    <message>
        <source>Only one workstation changes an application at a time: whoever deploys, rolls back or scales it holds its lock on the engines. Take it over only from an owner that died or hangs; it makes no further change once its lock is taken.</source>
        <translation>同一时间只有一个工作站更改某个应用：部署、回滚或扩缩它的一方在引擎上持有其锁。只应从已终止或挂起的持有者处接管；锁被接管后，原持有者不会再做任何更改。</translation>
    </message>
    <message>
        <source>Held by:</source>
        <translation>持有者：</translation>
    </message>
    <message>
        <source>Store:</source>
        <translation>存储：</translation>
    </message>
    <message>
        <source>Since:</source>
        <translation>起始时间：</translation>
    </message>
    <message>
        <source>Last heartbeat:</source>
        <translation>上次心跳：</translation>
    </message>
    <message>
        <source>State:</source>
        <translation>状态：</translation>
    </message>
    <message>
        <source>Take over even though it is alive</source>
        <translation>即使持有者仍存活也接管</translation>
    </message>
    <message>
        <source>Its owner still sends a heartbeat: it is stopped at its next change</source>
        <translation>其持有者仍在发送心跳：它会在下一次更改时被停止</translation>
    </message>
    <message>
        <source>Take over</source>
        <translation>接管</translation>
    </message>
    <message>
        <source>Read again</source>
        <translation>重新读取</translation>
    </message>
    <message>
        <source>Not taken over: %1</source>
        <translation>未接管：%1</translation>
    </message>
    <message>
        <source>Taken over from %1 (now generation %2) and released: %3 in %4 is free, and %1 makes no further change.</source>
        <translation>已从 %1 接管（现为代次 %2）并释放：%4 中的 %3 现已空闲，%1 不会再做任何更改。</translation>
    </message>
    <message>
        <source>Reading the lock on the engines…</source>
        <translation>正在读取引擎上的锁…</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>Cannot read the lock: %1</source>
        <translation>无法读取锁：%1</translation>
    </message>
    <message>
        <source>nobody</source>
        <translation>无人</translation>
    </message>
    <message>
        <source>free</source>
        <translation>空闲</translation>
    </message>
    <message>
        <source>%1 in %2 is free: nothing to take over.</source>
        <translation>%2 中的 %1 空闲：没有可接管的锁。</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message numerus="yes">
        <source>%n s ago</source>
        <translation>
            <numerusform>%n 秒前</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>stale: no heartbeat for over %n s</source>
        <translation>
            <numerusform>已失效：超过 %n 秒没有心跳</numerusform>
        </translation>
    </message>
    <message>
        <source>alive (generation %1)</source>
        <translation>存活（代次 %1）</translation>
    </message>
    <message numerus="yes">
        <source>Its owner has not been heard of for longer than %n s: it died, hangs, or lost the engine.</source>
        <translation>
            <numerusform>其持有者已超过 %n 秒没有消息：它已终止、挂起或与引擎失去联系。</numerusform>
        </translation>
    </message>
    <message>
        <source>Its owner is alive. Take over only if you know it is stuck.</source>
        <translation>其持有者仍存活。只有确定它卡住时才接管。</translation>
    </message>
    <message>
        <source>Taking over the lock of %1 in %2 from %3…</source>
        <translation>正在从 %3 接管 %2 中 %1 的锁…</translation>
    </message>
</context>
<context>
    <name>slipway::widgets::TeamDatabaseDialog</name>
    <message>
        <source>Team Database</source>
        <translation>团队数据库</translation>
    </message>
    <message>
        <source>With a team database, deployments, environments, alerts and the audit log are shared with everyone who uses it, and the server checks who you are and what you may do. Saved hosts stay on this desk. Leave it empty to keep everything on this desk.</source>
        <translation>使用团队数据库时，部署、环境、告警和审计日志将与所有使用该数据库的人共享，并由服务器检查你的身份以及你可以执行的操作。已保存的主机仍保留在本机。留空则所有内容都保存在本机。</translation>
    </message>
    <message>
        <source>Slipway never stores your password: put it in ~/.pgpass (HOST:PORT:DB:USER:PASSWORD, mode 0600), or Slipway asks for it at start.</source>
        <translation>Slipway 从不保存你的密码：请将其放入 ~/.pgpass（HOST:PORT:DB:USER:PASSWORD，权限 0600），否则 Slipway 会在启动时询问。</translation>
    </message>
    <message>
        <source>Database URL:</source>
        <translation>数据库 URL：</translation>
    </message>
    <message>
        <source>Test Connection</source>
        <translation>测试连接</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>This run uses %1, given by --database or SLIPWAY_DATABASE, which win over what is saved here.</source>
        <translation>本次运行使用 %1（由 --database 或 SLIPWAY_DATABASE 指定），其优先于此处保存的设置。</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <source>The server asks for a password that is not in ~/.pgpass: Slipway will ask for it at start.
%1</source>
        <translation>服务器需要的密码不在 ~/.pgpass 中：Slipway 将在启动时询问。
%1</translation>
    </message>
    <message>
        <source>Connected as %1, with the rights: %2.</source>
        <translation>已以 %1 身份连接，拥有权限：%2。</translation>
    </message>
    <message>
        <source>none (ask the database&apos;s owner for a grant)</source>
        <translation>无（请向数据库所有者申请授权）</translation>
    </message>
</context>
<context>
    <name>slipway::widgets::TeamStatusButton</name>
    <message>
        <source>Records: this desk</source>
        <translation>记录：本机</translation>
    </message>
    <message>
        <source>Deployments, environments and the audit log are kept on this desk only. Click to share them with a team database.</source>
        <translation>部署、环境和审计日志仅保存在本机。点击以与团队数据库共享。</translation>
    </message>
    <message>
        <source>Team: %1 as %2</source>
        <translation>团队：%1，身份 %2</translation>
    </message>
    <message>
        <source>Records are shared in the team database %1. The server knows you as %2, with the rights: %3.</source>
        <translation>记录共享在团队数据库 %1 中。服务器将你识别为 %2，拥有权限：%3。</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Team Database</source>
        <translation>团队数据库</translation>
    </message>
    <message>
        <source>Slipway uses the new setting from its next start.</source>
        <translation>Slipway 将在下次启动时使用新设置。</translation>
    </message>
</context>
<context>
    <name>slipway::widgets::TemplateCatalogPage</name>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Variable</source>
        <translation>变量</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Provision…</source>
        <translation>置备…</translation>
    </message>
    <message>
        <source>Variables…</source>
        <translation>变量…</translation>
    </message>
    <message>
        <source>Versions…</source>
        <translation>版本…</translation>
    </message>
    <message>
        <source>Variables per kind:</source>
        <translation>各类型的变量：</translation>
    </message>
    <message>
        <source>Compose file:</source>
        <translation>Compose 文件：</translation>
    </message>
    <message>
        <source>%1 — version %2</source>
        <translation>%1 — 版本 %2</translation>
    </message>
    <message>
        <source>This version does not resolve:
%1</source>
        <translation>此版本无法解析：
%1</translation>
    </message>
    <message>
        <source>Services: %1</source>
        <translation>服务：%1</translation>
    </message>
    <message>
        <source>Services: %1
To give at provision (or in a kind): %2</source>
        <translation>服务：%1
需在置备时（或在类型中）提供：%2</translation>
    </message>
    <message>
        <source>(every kind)</source>
        <translation>（所有类型）</translation>
    </message>
</context>
<context>
    <name>slipway::widgets::TemplateVersionsDialog</name>
    <message>
        <source>Versions of %1</source>
        <translation>%1 的版本</translation>
    </message>
    <message>
        <source>v%1 — %2, %3 (%4)</source>
        <translation>v%1 — %2，%3（%4）</translation>
    </message>
    <message>
        <source>No change from version %1.</source>
        <translation>与版本 %1 相比没有更改。</translation>
    </message>
    <message>
        <source>The first version.</source>
        <translation>第一个版本。</translation>
    </message>
</context>
<context>
    <name>slipway::widgets::TopUsageList</name>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>Rank by CPU</source>
        <translation>按 CPU 排序</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>内存</translation>
    </message>
    <message>
        <source>Rank by memory</source>
        <translation>按内存排序</translation>
    </message>
    <message>
        <source>Waiting for the first samples…</source>
        <translation>正在等待首批采样…</translation>
    </message>
</context>
<context>
    <name>slipway::widgets::UsageChart</name>
    <message>
        <source>Time (HH:mm)</source>
        <translation>时间（HH:mm）</translation>
    </message>
    <message>
        <source>Waiting for samples…</source>
        <translation>正在等待采样…</translation>
    </message>
    <message>
        <source>%</source>
        <translation>%</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
</context>
<context>
    <name>slipway::widgets::UsageDetailView</name>
    <message>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <source>15 min</source>
        <translation>15 分钟</translation>
    </message>
    <message>
        <source>The last 15 minutes</source>
        <translation>最近 15 分钟</translation>
    </message>
    <message>
        <source>1 h</source>
        <translation>1 小时</translation>
    </message>
    <message>
        <source>The last hour</source>
        <translation>最近 1 小时</translation>
    </message>
    <message>
        <source>24 h</source>
        <translation>24 小时</translation>
    </message>
    <message>
        <source>The last 24 hours</source>
        <translation>最近 24 小时</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>内存</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>网络</translation>
    </message>
    <message>
        <source>Disk I/O</source>
        <translation>磁盘 I/O</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>接收</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>发送</translation>
    </message>
    <message>
        <source>CPU (100 % = one core)</source>
        <translation>CPU（100 % = 一个核心）</translation>
    </message>
    <message>
        <source>of %1 (%2)</source>
        <translation>/ %1（%2）</translation>
    </message>
    <message>
        <source>↑ %1 sent</source>
        <translation>↑ 已发送 %1</translation>
    </message>
    <message>
        <source>read %1 · write %2</source>
        <translation>读取 %1 · 写入 %2</translation>
    </message>
    <message>
        <source>not measured yet</source>
        <translation>尚未测量</translation>
    </message>
</context>
<context>
    <name>slipway::widgets::VersionsPage</name>
    <message>
        <source>Deploy this version…</source>
        <translation>部署此版本…</translation>
    </message>
    <message>
        <source>Deploy the selected version with the current configuration</source>
        <translation>以当前配置部署所选版本</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Ask the registry for the tags again</source>
        <translation>重新向镜像仓库查询标签</translation>
    </message>
    <message>
        <source>The registry could not be listed: %1. Versions the hosts hold are shown.</source>
        <translation>无法列出镜像仓库：%1。显示的是主机上已有的版本。</translation>
    </message>
    <message numerus="yes">
        <source>%n version(s) of %1.</source>
        <translation>
            <numerusform>%1 的 %n 个版本。</numerusform>
        </translation>
    </message>
</context>
</TS>
