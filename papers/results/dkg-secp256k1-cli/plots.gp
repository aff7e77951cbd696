# okmpc bench plots (generated; data inline). Redraw with: gnuplot plots.gp
$cost_vs_parties_0 << EOD
3 6.0519 1.58417 17.604
5 30.2807 22.7735 33.8975
10 70.8067 56.9866 83.2686
25 553.692 522.974 570.689
50 2645.03 2454.43 2684.11
100 13871.6 12478.8 13880.2
EOD
$bytes_vs_parties_0 << EOD
3 1224 1224 1224
5 3256 3256 3256
10 10701 10701 10701
25 57096 57096 57096
50 214816 214816 214816
100 824571 824571 824571
EOD
$wall_vs_latency_0 << EOD
0 0.426664 0.273158 0.437204
EOD
$wall_vs_latency_1 << EOD
0 12.8335 4.92205 13.0917
EOD
$wall_vs_latency_2 << EOD
0 21.2894 19.3825 21.6564
EOD
$wall_vs_latency_3 << EOD
0 60.9648 50.1988 64.4245
EOD
$wall_vs_latency_4 << EOD
0 92.6686 90.3805 103.442
EOD
$wall_vs_latency_5 << EOD
0 180.855 150.517 193.284
EOD
set encoding utf8
set termoption noenhanced
set datafile separator whitespace
set terminal pngcairo size 1200,700 noenhanced font "DejaVu Sans,11"
set output "cost_vs_parties.png"
set title "Compute cost vs parties: compute time of all parties for one run (median, bars: min-max)"
set xlabel "parties n"
set ylabel "compute time, all parties (ms)"
set logscale x
set logscale y
set xtics (3, 5, 10, 25, 50, 100)
set xrange [2.4:125]
set key top left Left reverse box opaque
set grid
set offsets 0, 0, graph 0.05, graph 0.05
plot $cost_vs_parties_0 using 1:2:3:4 with yerrorlines lw 2 pt 7 ps 0.8 title "dkg secp256k1 batched, t = 2/3 n", \
     0.252334 with lines dt 2 lw 2 title "baseline: libsecp256k1 secp256k1_ecdsa_sign (one party)"
unset output
set terminal pngcairo size 1200,700 noenhanced font "DejaVu Sans,11"
set output "bytes_vs_parties.png"
set title "Communication vs parties: bytes sent per party in one run (median, bars: min-max)"
set xlabel "parties n"
set ylabel "bytes sent per party (bytes)"
set logscale x
set logscale y
set xtics (3, 5, 10, 25, 50, 100)
set xrange [2.4:125]
set key top left Left reverse box opaque
set grid
set offsets 0, 0, graph 0.05, graph 0.05
plot $bytes_vs_parties_0 using 1:2:3:4 with yerrorlines lw 2 pt 7 ps 0.8 title "dkg secp256k1 batched, t = 2/3 n"
unset output
set terminal pngcairo size 1200,700 noenhanced font "DejaVu Sans,11"
set output "wall_vs_latency.png"
set title "Simulated wall time vs network latency (median, bars: min-max)"
set xlabel "one-way link latency (ms)"
set ylabel "simulated wall time of one run (ms)"
unset logscale x
unset logscale y
set xtics (0)
set xrange [-1:1]
set key top left Left reverse box opaque
set grid
set offsets 0, 0, graph 0.05, graph 0.05
plot $wall_vs_latency_0 using 1:2:3:4 with yerrorlines lw 2 pt 7 ps 0.8 title "dkg secp256k1 batched, 2-of-3", \
     $wall_vs_latency_1 using 1:2:3:4 with yerrorlines lw 2 pt 7 ps 0.8 title "dkg secp256k1 batched, 4-of-5", \
     $wall_vs_latency_2 using 1:2:3:4 with yerrorlines lw 2 pt 7 ps 0.8 title "dkg secp256k1 batched, 7-of-10", \
     $wall_vs_latency_3 using 1:2:3:4 with yerrorlines lw 2 pt 7 ps 0.8 title "dkg secp256k1 batched, 17-of-25", \
     $wall_vs_latency_4 using 1:2:3:4 with yerrorlines lw 2 pt 7 ps 0.8 title "dkg secp256k1 batched, 34-of-50", \
     $wall_vs_latency_5 using 1:2:3:4 with yerrorlines lw 2 pt 7 ps 0.8 title "dkg secp256k1 batched, 67-of-100"
unset output
set terminal svg size 1200,700 dynamic noenhanced font "DejaVu Sans,11"
set output "cost_vs_parties.svg"
set title "Compute cost vs parties: compute time of all parties for one run (median, bars: min-max)"
set xlabel "parties n"
set ylabel "compute time, all parties (ms)"
set logscale x
set logscale y
set xtics (3, 5, 10, 25, 50, 100)
set xrange [2.4:125]
set key top left Left reverse box opaque
set grid
set offsets 0, 0, graph 0.05, graph 0.05
plot $cost_vs_parties_0 using 1:2:3:4 with yerrorlines lw 2 pt 7 ps 0.8 title "dkg secp256k1 batched, t = 2/3 n", \
     0.252334 with lines dt 2 lw 2 title "baseline: libsecp256k1 secp256k1_ecdsa_sign (one party)"
unset output
set terminal svg size 1200,700 dynamic noenhanced font "DejaVu Sans,11"
set output "bytes_vs_parties.svg"
set title "Communication vs parties: bytes sent per party in one run (median, bars: min-max)"
set xlabel "parties n"
set ylabel "bytes sent per party (bytes)"
set logscale x
set logscale y
set xtics (3, 5, 10, 25, 50, 100)
set xrange [2.4:125]
set key top left Left reverse box opaque
set grid
set offsets 0, 0, graph 0.05, graph 0.05
plot $bytes_vs_parties_0 using 1:2:3:4 with yerrorlines lw 2 pt 7 ps 0.8 title "dkg secp256k1 batched, t = 2/3 n"
unset output
set terminal svg size 1200,700 dynamic noenhanced font "DejaVu Sans,11"
set output "wall_vs_latency.svg"
set title "Simulated wall time vs network latency (median, bars: min-max)"
set xlabel "one-way link latency (ms)"
set ylabel "simulated wall time of one run (ms)"
unset logscale x
unset logscale y
set xtics (0)
set xrange [-1:1]
set key top left Left reverse box opaque
set grid
set offsets 0, 0, graph 0.05, graph 0.05
plot $wall_vs_latency_0 using 1:2:3:4 with yerrorlines lw 2 pt 7 ps 0.8 title "dkg secp256k1 batched, 2-of-3", \
     $wall_vs_latency_1 using 1:2:3:4 with yerrorlines lw 2 pt 7 ps 0.8 title "dkg secp256k1 batched, 4-of-5", \
     $wall_vs_latency_2 using 1:2:3:4 with yerrorlines lw 2 pt 7 ps 0.8 title "dkg secp256k1 batched, 7-of-10", \
     $wall_vs_latency_3 using 1:2:3:4 with yerrorlines lw 2 pt 7 ps 0.8 title "dkg secp256k1 batched, 17-of-25", \
     $wall_vs_latency_4 using 1:2:3:4 with yerrorlines lw 2 pt 7 ps 0.8 title "dkg secp256k1 batched, 34-of-50", \
     $wall_vs_latency_5 using 1:2:3:4 with yerrorlines lw 2 pt 7 ps 0.8 title "dkg secp256k1 batched, 67-of-100"
unset output
